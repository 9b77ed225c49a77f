package org.servicedesk.privacy;

import java.util.List;
import java.util.Map;

/**
 * Published by {@link CustomerErasure} inside its transaction, after the tickets' process instances
 * are gone: each module deletes (or unlinks) its own rows about these tickets in a synchronous
 * listener and counts them with {@link #removed(String, int)} for the {@link ErasureRecord}. Rows
 * of tables no module claims that refer to a ticket by a foreign key go afterwards; then
 * {@link CustomerRowsErasing} deletes the tickets and the customer.
 */
public record TicketRowsErasing(List<Long> ticketIds, Map<String, Integer> counts) {

    public TicketRowsErasing {
        ticketIds = List.copyOf(ticketIds);
    }

    /** Counts rows a listener removed from (or, named so, unlinked in) a table. */
    public void removed(String table, int rows) {
        counts.merge(table, rows, Integer::sum);
    }
}
