package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER1;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER2;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER3;

import java.util.Set;

import static org.servicedesk.ticket.TicketLifecycle.VAR_ASSIGNED;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Assignment listener: the ticket's handler follows whoever claimed the task. */
@Component("taskAssignmentListener")
class TaskAssignmentListener implements TaskListener {

    private static final Set<String> HANDLING = Set.of(TASK_HANDLE_TIER1, TASK_HANDLE_TIER2, TASK_HANDLE_TIER3);

    private final TicketLookup tickets;

    private final Timeline timeline;

    private final ApplicationEventPublisher events;

    TaskAssignmentListener(TicketLookup tickets, Timeline timeline, ApplicationEventPublisher events) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        Ticket ticket = tickets.of(task);
        if (HANDLING.contains(task.getTaskDefinitionKey())) {
            ticket.assignTo(task.getAssignee());
        }
        if (TASK_HANDLE_TIER1.equals(task.getTaskDefinitionKey()) && task.getAssignee() != null
                && !Boolean.TRUE.equals(task.getVariable(VAR_ASSIGNED))) {
            task.setVariable(VAR_ASSIGNED, true);
            events.publishEvent(new TicketMilestone(ticket.getId(), TicketMilestone.Kind.CLAIMED_AT_TIER1));
        }
        if (task.getAssignee() != null) {
            timeline.record(ticket.getId(), task.getAssignee(), TicketAction.CLAIMED, task.getName());
        }
    }
}
