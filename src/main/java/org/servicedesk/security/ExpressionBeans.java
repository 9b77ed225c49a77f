package org.servicedesk.security;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;

/**
 * The Spring beans a process expression may name, and nothing else: our own delegates and
 * listeners (only as {@code camunda:delegateExpression="${bean}"}) and the documented helpers
 * ({@link #HELPERS}). Given to the engine as its bean map, so even an expression that got past
 * {@link DeploymentCheck} resolves no other bean: not the data source, the engine, or the key
 * holder. Read-only, and looked up when an expression asks, after the context has started.
 */
final class ExpressionBeans extends AbstractMap<Object, Object> {

    /** Beans whose getters and methods the value expressions of a process may call. See docs/analysts.md. */
    static final Set<String> HELPERS = Set.of("deskTimers", "qualityInspections", "slaDueDates");

    private static final String OUR_PACKAGE = "org.servicedesk.";

    private final ApplicationContext context;

    private volatile Set<String> delegates;

    ExpressionBeans(ApplicationContext context) {
        this.context = context;
    }

    /** Our delegates and listeners, by bean name: what {@code camunda:delegateExpression} may name. */
    Set<String> delegates() {
        Set<String> known = delegates;
        if (known == null) {
            known = new TreeSet<>();
            for (Class<?> type : new Class<?>[] {JavaDelegate.class, ExecutionListener.class, TaskListener.class}) {
                Arrays.stream(context.getBeanNamesForType(type, true, false)).filter(this::ours).forEach(known::add);
            }
            known = Set.copyOf(known);
            delegates = known;
        }
        return known;
    }

    boolean isHelper(String name) {
        return HELPERS.contains(name) && context.containsBean(name);
    }

    boolean isDelegate(String name) {
        return delegates().contains(name);
    }

    /** Any bean of the application, allowed or not: a name an expression must not use. */
    boolean isBean(String name) {
        return context.containsBean(name);
    }

    private boolean ours(String name) {
        Class<?> type = context.getType(name, false);
        return type != null && type.getName().startsWith(OUR_PACKAGE);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && (isHelper(name) || isDelegate(name));
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return Set.copyOf(Stream.concat(HELPERS.stream().filter(this::isHelper), delegates().stream())
                .<Entry<Object, Object>>map(name -> new SimpleImmutableEntry<>(name, context.getBean(name)))
                .toList());
    }
}
