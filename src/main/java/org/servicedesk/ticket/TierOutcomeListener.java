package org.servicedesk.ticket;

import static org.servicedesk.ticket.TaskFields.required;
import static org.servicedesk.ticket.TicketLifecycle.OUTCOME_ESCALATE;
import static org.servicedesk.ticket.TicketLifecycle.OUTCOME_NEED_INFO;
import static org.servicedesk.ticket.TicketLifecycle.OUTCOME_RESOLVED;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER1;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER2;
import static org.servicedesk.ticket.TicketLifecycle.VAR_ASSIGNED;
import static org.servicedesk.ticket.TicketLifecycle.VAR_CUSTOMER_MESSAGE;
import static org.servicedesk.ticket.TicketLifecycle.VAR_CUSTOMER_QUESTION;
import static org.servicedesk.ticket.TicketLifecycle.VAR_ESCALATION_REASON;
import static org.servicedesk.ticket.TicketLifecycle.VAR_FIX_PLAN;
import static org.servicedesk.ticket.TicketLifecycle.VAR_HANDLING_TIER;
import static org.servicedesk.ticket.TicketLifecycle.VAR_RESOLUTION;
import static org.servicedesk.ticket.TicketLifecycle.VAR_TIER1_OUTCOME;
import static org.servicedesk.ticket.TicketLifecycle.VAR_TIER2_OUTCOME;
import static org.servicedesk.ticket.TicketLifecycle.VAR_TIER3_OUTCOME;
import static org.servicedesk.ticket.TicketLifecycle.VAR_USED_ARTICLE_ID;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.notification.Notifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Complete listener of the three handling tasks: checks the outcome, records it on the ticket
 * and its timeline, and moves {@code handlingTier} (up on escalation; otherwise it stays at the
 * tier that resolved or asked, which is where a rejected solution or the customer's reply goes).
 */
@Component("tierOutcomeListener")
class TierOutcomeListener implements TaskListener {

    private static final Set<String> TIER3_OUTCOMES = Set.of(OUTCOME_RESOLVED, OUTCOME_NEED_INFO);

    private final TicketLookup tickets;

    private final Timeline timeline;

    private final Notifier notifier;

    private final FirstResponse firstResponse;

    private final ApplicationEventPublisher events;

    TierOutcomeListener(TicketLookup tickets, Timeline timeline, Notifier notifier, FirstResponse firstResponse,
            ApplicationEventPublisher events) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.notifier = notifier;
        this.firstResponse = firstResponse;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        Ticket ticket = tickets.of(task);
        int tier = tierOf(task.getTaskDefinitionKey());
        String outcome = switch (tier) {
            case 1 -> required(task, VAR_TIER1_OUTCOME);
            case 2 -> required(task, VAR_TIER2_OUTCOME);
            default -> {
                Object value = task.getVariable(VAR_TIER3_OUTCOME);
                String tier3 = value == null ? OUTCOME_RESOLVED : value.toString();
                if (!TIER3_OUTCOMES.contains(tier3)) {
                    throw new ProcessEngineException(VAR_TIER3_OUTCOME + " must be RESOLVED or NEED_INFO");
                }
                yield tier3;
            }
        };
        String actor = task.getAssignee();
        if (tier == 1 && !Boolean.TRUE.equals(task.getVariable(VAR_ASSIGNED))) {
            // completed without a claim (e.g. through the REST API): the ticket was taken all the same
            task.setVariable(VAR_ASSIGNED, true);
            events.publishEvent(new TicketMilestone(ticket.getId(), TicketMilestone.Kind.CLAIMED_AT_TIER1));
        }
        switch (outcome) {
            case OUTCOME_ESCALATE -> {
                String reason = required(task, VAR_ESCALATION_REASON);
                task.setVariable(VAR_HANDLING_TIER, tier + 1);
                timeline.recordByCurrentUser(ticket.getId(), actor, TicketAction.ESCALATED,
                        "To tier " + (tier + 1) + ": " + reason);
                // the next tier's candidate group (the BPMN's tier1/tier2/tier3)
                notifier.toGroup(ticket, "escalation-" + task.getId(), "tier" + (tier + 1),
                        NotificationTemplate.ESCALATION, Map.of("tier", String.valueOf(tier + 1), "reason", reason));
                Object message = task.getVariable(VAR_CUSTOMER_MESSAGE);
                if (tier == 1 && message != null && !message.toString().isBlank()) {
                    notifier.toCustomer(ticket, "reply-" + task.getId(), NotificationTemplate.AGENT_REPLY,
                            Map.of("message", message.toString()), null);
                    timeline.recordByCurrentUser(ticket.getId(), actor, TicketAction.AGENT_REPLIED, message.toString());
                    firstResponse.given(ticket, task.getExecution());
                }
            }
            case OUTCOME_RESOLVED -> {
                String resolution = required(task, VAR_RESOLUTION);
                task.setVariable(VAR_HANDLING_TIER, tier);
                ticket.resolve(tier, resolution);
                Long articleId = usedArticleId(task);
                if (articleId != null) {
                    events.publishEvent(new ArticleUsed(ticket.getId(), articleId));
                    ticket.usedArticle(articleId);
                    // the ticket row remembers it; a later resolution must not count it again
                    task.getExecution().removeVariable(VAR_USED_ARTICLE_ID);
                }
                if (tier == 3) {
                    timeline.recordByCurrentUser(ticket.getId(), actor, TicketAction.FIX_PLANNED,
                            required(task, VAR_FIX_PLAN));
                }
                timeline.recordByCurrentUser(ticket.getId(), actor, TicketAction.RESOLVED,
                        "Tier " + tier + ": " + resolution + (articleId != null ? " (article #" + articleId + ")" : ""));
            }
            case OUTCOME_NEED_INFO -> {
                required(task, VAR_CUSTOMER_QUESTION);
                task.setVariable(VAR_HANDLING_TIER, tier);
            }
            default -> throw new ProcessEngineException("outcome must be RESOLVED, ESCALATE or NEED_INFO, was " + outcome);
        }
        task.setVariable(TicketLifecycle.VAR_CUSTOMER_MUST_ANSWER, OUTCOME_NEED_INFO.equals(outcome));
        if (tier == 2) {
            events.publishEvent(new TicketMilestone(ticket.getId(), TicketMilestone.Kind.TIER2_ANSWERED));
        }
    }

    /** The optional knowledge article the agent resolved with (form field {@code usedArticleId}). */
    private static Long usedArticleId(DelegateTask task) {
        Object value = task.getVariable(VAR_USED_ARTICLE_ID);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return value instanceof Number number ? number.longValue() : Long.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new ProcessEngineException(VAR_USED_ARTICLE_ID + " must be an article id, was " + value);
        }
    }

    private static int tierOf(String taskDefinitionKey) {
        return TASK_HANDLE_TIER1.equals(taskDefinitionKey) ? 1 : TASK_HANDLE_TIER2.equals(taskDefinitionKey) ? 2 : 3;
    }
}
