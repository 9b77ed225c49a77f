package org.servicedesk.deployment;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.TicketRepository;
import org.servicedesk.ticket.Timeline;
import org.springframework.stereotype.Component;

/** A line in each moved ticket's timeline: who moved it, from which version to which. */
@Component
class MigrationTimeline {

    private final TicketRepository tickets;

    private final Timeline timeline;

    MigrationTimeline(TicketRepository tickets, Timeline timeline) {
        this.tickets = tickets;
        this.timeline = timeline;
    }

    void recordMoved(List<ProcessInstance> instances, LifecyclePlan plan, String actor) {
        String detail = "Ticket lifecycle " + plan.describe();
        for (ProcessInstance instance : instances) {
            if (instance.getBusinessKey() != null) {
                tickets.findByNumber(instance.getBusinessKey())
                        .ifPresent(ticket -> timeline.record(ticket.getId(), actor, TicketAction.LIFECYCLE_MIGRATED,
                                detail));
            }
        }
    }
}
