package org.servicedesk.sla;

import org.servicedesk.ticket.TicketMilestone;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Stops and restarts clocks as the ticket reaches its milestones, in the same transaction. */
@Component
class SlaMilestones {

    private final SlaClocks clocks;

    SlaMilestones(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @EventListener
    void on(TicketMilestone milestone) {
        Long ticketId = milestone.ticketId();
        switch (milestone.kind()) {
            case FIRST_RESPONSE -> clocks.stop(ticketId, ClockKind.RESPONSE);
            case CLAIMED_AT_TIER1 -> clocks.stop(ticketId, ClockKind.ASSIGNMENT);
            case TIER2_ANSWERED -> clocks.stop(ticketId, ClockKind.TIER2_FEEDBACK);
            case SOLUTION_SENT -> clocks.stop(ticketId, ClockKind.RESOLUTION);
            case REOPENED -> clocks.reopen(ticketId, ClockKind.RESOLUTION);
            case CLOSED -> {
                for (ClockKind kind : ClockKind.values()) {
                    clocks.stop(ticketId, kind);
                }
            }
        }
    }
}
