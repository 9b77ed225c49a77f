package org.servicedesk.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The SLA feature's clocks of a ticket, shown with the ticket. */
public interface ServiceLevels {

    List<Clock> of(Long ticketId);

    /**
     * When the first response and the resolution are due, as the SLA clocks have it (the latest
     * round of each; the resolution's moves with the pause while waiting for the customer): the one
     * home of a ticket's due dates. Nulls before the SLA policy ran.
     */
    DueDates dueDates(Long ticketId);

    record DueDates(Instant response, Instant resolution) {
    }

    record Clock(String clock, int round, String calendar, String target, Instant startedAt, Instant warningAt,
            Instant dueAt, Instant escalationAt, Duration remaining, Duration pausedTime, boolean paused,
            Instant stoppedAt, Instant warnedAt, Instant breachedAt, Instant escalatedAt, String outcome,
            Duration overrun) {
    }
}
