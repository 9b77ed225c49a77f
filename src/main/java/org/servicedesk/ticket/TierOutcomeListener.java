package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.OUTCOME_ESCALATE;
import static org.servicedesk.ticket.TicketLifecycle.OUTCOME_RESOLVED;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER1;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER2;
import static org.servicedesk.ticket.TicketLifecycle.VAR_ESCALATION_REASON;
import static org.servicedesk.ticket.TicketLifecycle.VAR_FIX_PLAN;
import static org.servicedesk.ticket.TicketLifecycle.VAR_HANDLING_TIER;
import static org.servicedesk.ticket.TicketLifecycle.VAR_RESOLUTION;
import static org.servicedesk.ticket.TicketLifecycle.VAR_RESPONDED;
import static org.servicedesk.ticket.TicketLifecycle.VAR_TIER1_OUTCOME;
import static org.servicedesk.ticket.TicketLifecycle.VAR_TIER2_OUTCOME;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicedesk.system.TimeSource;
import org.springframework.stereotype.Component;

/**
 * Complete listener of the three handling tasks: checks the outcome, records it on the ticket
 * and its timeline, and moves {@code handlingTier} (up on escalation; on resolution it stays at
 * the tier that resolved, which is where a rejected solution goes back to).
 */
@Component("tierOutcomeListener")
class TierOutcomeListener implements TaskListener {

    private final TicketLookup tickets;

    private final Timeline timeline;

    private final TimeSource time;

    TierOutcomeListener(TicketLookup tickets, Timeline timeline, TimeSource time) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.time = time;
    }

    @Override
    public void notify(DelegateTask task) {
        Ticket ticket = tickets.of(task);
        int tier = tierOf(task.getTaskDefinitionKey());
        String outcome = switch (tier) {
            case 1 -> required(task, VAR_TIER1_OUTCOME);
            case 2 -> required(task, VAR_TIER2_OUTCOME);
            default -> OUTCOME_RESOLVED;
        };
        String actor = task.getAssignee();
        if (tier == 1) {
            task.setVariable(VAR_RESPONDED, true);
            ticket.respondedAt(time.now());
        }
        if (OUTCOME_ESCALATE.equals(outcome)) {
            String reason = required(task, VAR_ESCALATION_REASON);
            task.setVariable(VAR_HANDLING_TIER, tier + 1);
            timeline.recordByCurrentUser(ticket.getId(), actor, TicketAction.ESCALATED,
                    "To tier " + (tier + 1) + ": " + reason);
        } else if (OUTCOME_RESOLVED.equals(outcome)) {
            String resolution = required(task, VAR_RESOLUTION);
            task.setVariable(VAR_HANDLING_TIER, tier);
            ticket.resolve(tier, resolution);
            if (tier == 3) {
                timeline.recordByCurrentUser(ticket.getId(), actor, TicketAction.FIX_PLANNED,
                        required(task, VAR_FIX_PLAN));
            }
            timeline.recordByCurrentUser(ticket.getId(), actor, TicketAction.RESOLVED, "Tier " + tier + ": " + resolution);
        } else {
            throw new ProcessEngineException("outcome must be RESOLVED or ESCALATE, was " + outcome);
        }
    }

    private static int tierOf(String taskDefinitionKey) {
        return TASK_HANDLE_TIER1.equals(taskDefinitionKey) ? 1 : TASK_HANDLE_TIER2.equals(taskDefinitionKey) ? 2 : 3;
    }

    static String required(DelegateTask task, String variable) {
        Object value = task.getVariable(variable);
        if (value == null || value.toString().isBlank()) {
            throw new ProcessEngineException(variable + " is required to complete " + task.getTaskDefinitionKey());
        }
        return value.toString();
    }
}
