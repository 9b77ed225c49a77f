package org.servicedesk.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The SLA feature's clocks of a ticket, shown with the ticket. */
public interface ServiceLevels {

    List<Clock> of(Long ticketId);

    record Clock(String clock, int round, String calendar, String target, Instant startedAt, Instant warningAt,
            Instant dueAt, Instant escalationAt, Duration remaining, Duration pausedTime, boolean paused,
            Instant stoppedAt, Instant warnedAt, Instant breachedAt, Instant escalatedAt, String outcome,
            Duration overrun) {
    }
}
