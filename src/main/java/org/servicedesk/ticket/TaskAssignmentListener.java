package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER1;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER2;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER3;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Assignment listener: the ticket's handler follows whoever claimed the task. */
@Component("taskAssignmentListener")
class TaskAssignmentListener implements TaskListener {

    private static final Set<String> HANDLING = Set.of(TASK_HANDLE_TIER1, TASK_HANDLE_TIER2, TASK_HANDLE_TIER3);

    private final TicketLookup tickets;

    private final Timeline timeline;

    TaskAssignmentListener(TicketLookup tickets, Timeline timeline) {
        this.tickets = tickets;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        Ticket ticket = tickets.of(task);
        if (HANDLING.contains(task.getTaskDefinitionKey())) {
            ticket.assignTo(task.getAssignee());
        }
        if (task.getAssignee() != null) {
            timeline.record(ticket.getId(), task.getAssignee(), TicketAction.CLAIMED, task.getName());
        }
    }
}
