package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.VAR_REVIEW_APPROVED;
import static org.servicedesk.ticket.TicketLifecycle.VAR_REVIEW_COMMENT;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of {@code Task_ReviewResolution}: the decision goes to the timeline. */
@Component("reviewOutcomeListener")
class ReviewOutcomeListener implements TaskListener {

    private final TicketLookup tickets;

    private final Timeline timeline;

    ReviewOutcomeListener(TicketLookup tickets, Timeline timeline) {
        this.tickets = tickets;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!(task.getVariable(VAR_REVIEW_APPROVED) instanceof Boolean approved)) {
            throw new ProcessEngineException(VAR_REVIEW_APPROVED + " (true or false) is required to complete the review");
        }
        Object comment = task.getVariable(VAR_REVIEW_COMMENT);
        if (!approved && (comment == null || comment.toString().isBlank())) {
            throw new ProcessEngineException(VAR_REVIEW_COMMENT + " is required to reject a solution");
        }
        Ticket ticket = tickets.of(task);
        timeline.recordByCurrentUser(ticket.getId(), task.getAssignee(),
                approved ? TicketAction.REVIEW_APPROVED : TicketAction.REVIEW_REJECTED,
                comment == null ? null : comment.toString());
    }
}
