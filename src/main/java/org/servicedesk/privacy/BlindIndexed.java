package org.servicedesk.privacy;

/** An entity with blind-index columns: {@link BlindIndexListener} recomputes them before every write. */
public interface BlindIndexed {

    void updateBlindIndexes(BlindIndex index);
}
