package org.servicedesk.privacy;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Encrypts the {@link Encrypted} columns as Hibernate writes them and decrypts them as it reads them,
 * each bound to its table, column and row ({@link FieldCipher.Cell}). An attribute converter cannot
 * do this: it sees a value, never the row it belongs to.
 * <p>
 * The entity keeps the plaintext at all times. Just before an insert or update the ciphertext
 * replaces the plaintext in the state Hibernate binds to the statement, and right after it the
 * plaintext is put back, so that Hibernate's snapshot (its dirty check) keeps comparing plaintext
 * with plaintext; on load the ciphertext read is decrypted both in the entity and in the snapshot.
 * Registered as a Hibernate {@link Integrator} when the session factory is built, so no entity can be
 * read or written before it is in place. Only entity writes go through it: a bulk JPQL or SQL update
 * of an encrypted column would bypass it and is not done anywhere.
 */
final class EncryptedColumns implements Integrator, PreInsertEventListener, PreUpdateEventListener,
        PostInsertEventListener, PostUpdateEventListener, PostLoadEventListener {

    /** An entity's encrypted properties as the mapping declares them. */
    private record Declared(String table, List<String> properties, List<String> columns) {
    }

    /** The same with each property's index in Hibernate's state arrays. */
    private record Mapping(String table, int[] properties, String[] columns) {
    }

    private static final Mapping NONE = new Mapping("", new int[0], new String[0]);

    private final FieldCipher cipher;

    private final Map<String, Declared> declared = new HashMap<>();

    private final Map<String, Mapping> byEntity = new ConcurrentHashMap<>();

    EncryptedColumns(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            List<String> names = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            for (Property property : entity.getPropertyClosure()) {
                Field field = field(entity.getMappedClass(), property.getName());
                if (field != null && field.isAnnotationPresent(Encrypted.class)) {
                    names.add(property.getName());
                    columns.add(property.getColumns().get(0).getName().toLowerCase(Locale.ROOT));
                }
            }
            if (names.isEmpty()) {
                continue;
            }
            declared.put(entity.getEntityName(), new Declared(entity.getTable().getName().toLowerCase(Locale.ROOT),
                    List.copyOf(names), List.copyOf(columns)));
        }
        Map<String, Set<String>> listed = new HashMap<>();
        PersonalColumns.ALL.forEach(t -> listed.put(t.name(), Set.copyOf(t.encrypted())));
        if (!columnsByTable().equals(listed)) {
            throw new IllegalStateException("the @Encrypted columns " + columnsByTable() + " differ from those of"
                    + " PersonalColumns " + listed + ", which key rotations and migrations go by");
        }
        EventListenerRegistry listeners = factory.getServiceRegistry().getService(EventListenerRegistry.class);
        listeners.appendListeners(EventType.PRE_INSERT, this);
        listeners.appendListeners(EventType.PRE_UPDATE, this);
        listeners.appendListeners(EventType.POST_INSERT, this);
        listeners.appendListeners(EventType.POST_UPDATE, this);
        listeners.appendListeners(EventType.POST_LOAD, this);
    }

    /** The encrypted columns per table, as found in the mapping: checked against {@link PersonalColumns}. */
    Map<String, Set<String>> columnsByTable() {
        Map<String, Set<String>> tables = new HashMap<>();
        declared.values().forEach(d -> tables.put(d.table(), Set.copyOf(d.columns())));
        return tables;
    }

    /** Property indexes are known once the persisters exist, after {@link #integrate}. */
    private Mapping mapping(EntityPersister persister) {
        Mapping mapping = byEntity.computeIfAbsent(persister.getEntityName(), name -> {
            Declared d = declared.get(name);
            if (d == null) {
                return NONE;
            }
            List<String> all = List.of(persister.getPropertyNames());
            return new Mapping(d.table(), d.properties().stream().mapToInt(all::indexOf).toArray(),
                    d.columns().toArray(String[]::new));
        });
        return mapping == NONE ? null : mapping;
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return null;
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        seal(event.getPersister(), event.getId(), event.getState());
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        seal(event.getPersister(), event.getId(), event.getState());
        return false;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        restore(event.getPersister(), event.getEntity(), event.getState());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        restore(event.getPersister(), event.getEntity(), event.getState());
    }

    @Override
    public void onPostLoad(PostLoadEvent event) {
        Mapping mapping = mapping(event.getPersister());
        if (mapping == null) {
            return;
        }
        Object entity = event.getEntity();
        EntityEntry entry = event.getSession().getPersistenceContextInternal().getEntry(entity);
        Object[] snapshot = entry == null ? null : entry.getLoadedState();
        for (int i = 0; i < mapping.properties().length; i++) {
            int property = mapping.properties()[i];
            String plain = cipher.decrypt((String) event.getPersister().getValue(entity, property),
                    new FieldCipher.Cell(mapping.table(), mapping.columns()[i], event.getId()));
            event.getPersister().setValue(entity, property, plain);
            if (snapshot != null) {
                snapshot[property] = plain;
            }
        }
    }

    /** Replaces the plaintext by the ciphertext in the state that is about to be written. */
    private void seal(EntityPersister persister, Object id, Object[] state) {
        Mapping mapping = mapping(persister);
        if (mapping == null) {
            return;
        }
        if (id == null) {
            throw new PersonalDataException(persister.getEntityName() + " has encrypted columns, so its id must be"
                    + " known before the insert (a sequence, not an identity column)");
        }
        for (int i = 0; i < mapping.properties().length; i++) {
            int property = mapping.properties()[i];
            state[property] = cipher.encrypt((String) state[property],
                    new FieldCipher.Cell(mapping.table(), mapping.columns()[i], id));
        }
    }

    /** Puts the entity's plaintext back into the state, which Hibernate keeps as its snapshot. */
    private void restore(EntityPersister persister, Object entity, Object[] state) {
        Mapping mapping = mapping(persister);
        if (mapping == null) {
            return;
        }
        for (int property : mapping.properties()) {
            state[property] = persister.getValue(entity, property);
        }
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    @Override
    public void disintegrate(SessionFactoryImplementor factory, SessionFactoryServiceRegistry registry) {
        byEntity.clear();
        declared.clear();
    }
}
