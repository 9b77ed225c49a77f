package org.servicedesk.sla;

import org.servicedesk.ticket.TicketMilestone;
import org.servicedesk.ticket.TicketRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Stops and restarts clocks, and their SlaClockProcess instances, as the ticket reaches its milestones, in the same transaction. */
@Component
class SlaMilestones {

    private final SlaClocks clocks;

    private final SlaClockInstances instances;

    private final TicketRepository tickets;

    SlaMilestones(SlaClocks clocks, SlaClockInstances instances, TicketRepository tickets) {
        this.clocks = clocks;
        this.instances = instances;
        this.tickets = tickets;
    }

    @EventListener
    void on(TicketMilestone milestone) {
        Long ticketId = milestone.ticketId();
        switch (milestone.kind()) {
            case FIRST_RESPONSE -> stop(ticketId, ClockKind.RESPONSE);
            case CLAIMED_AT_TIER1 -> stop(ticketId, ClockKind.ASSIGNMENT);
            case TIER2_ANSWERED -> stop(ticketId, ClockKind.TIER2_FEEDBACK);
            case SOLUTION_SENT -> stop(ticketId, ClockKind.RESOLUTION);
            case REOPENED -> {
                clocks.reopen(ticketId, ClockKind.RESOLUTION);
                clocks.latest(ticketId, ClockKind.RESOLUTION).ifPresent(clock -> instances.start(clock,
                        tickets.findById(ticketId).orElseThrow().getNumber()));
            }
            case CLOSED -> {
                for (ClockKind kind : ClockKind.values()) {
                    stop(ticketId, kind);
                }
            }
        }
    }

    private void stop(Long ticketId, ClockKind kind) {
        clocks.stop(ticketId, kind);
        clocks.latest(ticketId, kind).ifPresent(instances::stop);
    }
}
