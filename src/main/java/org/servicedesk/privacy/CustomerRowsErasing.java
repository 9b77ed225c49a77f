package org.servicedesk.privacy;

import java.util.List;
import java.util.Map;

/**
 * Published by {@link CustomerErasure} last, inside its transaction: the ticket module deletes the
 * tickets ({@link #TICKETS}), then rows of unclaimed tables referring to the customer go, then the
 * CRM module deletes the customer ({@link #CUSTOMER}). Listeners count with {@link #removed}.
 */
public record CustomerRowsErasing(long customerId, List<Long> ticketIds, Map<String, Integer> counts) {

    /** {@code @Order} of the listener deleting the tickets. */
    public static final int TICKETS = 1;

    /** {@code @Order} of the sweep of other tables referring to the customer. */
    static final int REFERENCING = 2;

    /** {@code @Order} of the listener deleting the customer. */
    public static final int CUSTOMER = 3;

    public CustomerRowsErasing {
        ticketIds = List.copyOf(ticketIds);
    }

    public void removed(String table, int rows) {
        counts.merge(table, rows, Integer::sum);
    }
}
