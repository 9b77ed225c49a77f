package org.servicedesk.privacy;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/**
 * {@code @EntityListeners(BlindIndexListener.class)} on a {@link BlindIndexed} entity: its lookup
 * indexes follow its phone and e-mail on every insert and update. Hibernate gets it from Spring.
 */
public class BlindIndexListener {

    private final BlindIndex index;

    public BlindIndexListener(BlindIndex index) {
        this.index = index;
    }

    @PrePersist
    @PreUpdate
    void update(Object entity) {
        if (entity instanceof BlindIndexed indexed) {
            indexed.updateBlindIndexes(index);
        }
    }
}
