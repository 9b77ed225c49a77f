package org.servicedesk.privacy;

import java.util.List;

/**
 * Published by {@link CustomerErasure} inside its transaction, as the system user, before the
 * tickets' process instances and rows go: a module keeping data about these tickets outside of
 * them (e.g. a weekly quality inspection that sampled one) erases its part in a synchronous
 * listener; a listener's failure rolls the whole erasure back.
 */
public record TicketsErasing(List<Long> ticketIds) {

    public TicketsErasing {
        ticketIds = List.copyOf(ticketIds);
    }
}
