package org.servicedesk.sla;

import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * The due dates the lifecycle's user tasks show, read from the SLA clocks when a task is created:
 * {@code camunda:dueDate="${slaDueDates.resolution(ticketId)}"}. The clock (the latest round of
 * its kind) is the one home of a due date; the lifecycle keeps no copy of it. Null while the ticket
 * has no such clock, which leaves the task without a due date.
 */
@Component("slaDueDates")
public class SlaDueDates {

    private final SlaClocks clocks;

    SlaDueDates(SlaClocks clocks) {
        this.clocks = clocks;
    }

    /** The first response's due date: the due date of {@code Task_HandleTier1}. */
    public Date response(Long ticketId) {
        return dueAt(ticketId, ClockKind.RESPONSE);
    }

    /** The due date of the current tier-2 feedback round: the due date of {@code Task_HandleTier2}. */
    public Date tier2Feedback(Long ticketId) {
        return dueAt(ticketId, ClockKind.TIER2_FEEDBACK);
    }

    /** The resolution's due date, moved by any pause: the due date of tier 3 and of the review. */
    public Date resolution(Long ticketId) {
        return dueAt(ticketId, ClockKind.RESOLUTION);
    }

    private Date dueAt(Long ticketId, ClockKind kind) {
        if (ticketId == null) {
            return null;
        }
        return clocks.latest(ticketId, kind).map(clock -> Date.from(clock.getDueAt())).orElse(null);
    }
}
