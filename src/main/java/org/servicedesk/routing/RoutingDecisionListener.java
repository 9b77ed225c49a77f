package org.servicedesk.routing;

import static org.servicedesk.ticket.TicketLifecycle.VAR_HANDLING_TIER;
import static org.servicedesk.ticket.TicketLifecycle.VAR_QUEUE;
import static org.servicedesk.ticket.TicketLifecycle.VAR_RESOLUTION_DUE_AT;
import static org.servicedesk.ticket.TicketLifecycle.VAR_RESPONDED;
import static org.servicedesk.ticket.TicketLifecycle.VAR_RESPONSE_DUE_AT;
import static org.servicedesk.ticket.TicketLifecycle.VAR_TASK_PRIORITY;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.TicketLookup;
import org.servicedesk.ticket.Timeline;
import org.springframework.stereotype.Component;

/**
 * End listener of {@code Task_RouteTicket}: takes the single row of decision
 * {@code TicketRouting}, stores queue, targets and due dates on the ticket (so a later version
 * of the table never moves a running ticket's deadlines) and gives the process what its timers
 * and tasks need.
 */
@Component("routingDecisionListener")
class RoutingDecisionListener implements ExecutionListener {

    /** The engine's name for the result of the business rule task, available to its end listener. */
    static final String DECISION_RESULT = "decisionResult";

    private final TicketLookup tickets;

    private final Timeline timeline;

    RoutingDecisionListener(TicketLookup tickets, Timeline timeline) {
        this.tickets = tickets;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateExecution execution) {
        DmnDecisionResult result = (DmnDecisionResult) execution.getVariable(DECISION_RESULT);
        if (result == null || result.isEmpty()) {
            throw new IllegalStateException("decision TicketRouting matched no rule");
        }
        Map<String, Object> row = result.getFirstResult().getEntryMap();
        String queue = (String) row.get("queue");
        int taskPriority = ((Number) row.get("taskPriority")).intValue();
        String responseTarget = (String) row.get("responseTarget");
        String resolutionTarget = (String) row.get("resolutionTarget");

        Ticket ticket = tickets.of(execution);
        Instant responseDue = ticket.getCreatedAt().plus(Duration.parse(responseTarget));
        Instant resolutionDue = ticket.getCreatedAt().plus(Duration.parse(resolutionTarget));
        ticket.route(queue, responseTarget, resolutionTarget, responseDue, resolutionDue);

        execution.setVariable(VAR_QUEUE, queue);
        execution.setVariable(VAR_TASK_PRIORITY, taskPriority);
        execution.setVariable(VAR_RESPONSE_DUE_AT, Date.from(responseDue));
        execution.setVariable(VAR_RESOLUTION_DUE_AT, Date.from(resolutionDue));
        execution.setVariable(VAR_HANDLING_TIER, 1);
        execution.setVariable(VAR_RESPONDED, false);
        timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.ROUTED,
                "Queue " + queue + ", respond within " + responseTarget + " by " + timeline.format(responseDue)
                        + ", resolve within " + resolutionTarget + " by " + timeline.format(resolutionDue));
    }
}
