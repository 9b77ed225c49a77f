package org.servicedesk.routing;

import static org.servicedesk.ticket.TicketLifecycle.VAR_ASSIGNED;
import static org.servicedesk.ticket.TicketLifecycle.VAR_HANDLING_TIER;
import static org.servicedesk.ticket.TicketLifecycle.VAR_QUEUE;
import static org.servicedesk.ticket.TicketLifecycle.VAR_RESPONDED;
import static org.servicedesk.ticket.TicketLifecycle.VAR_TASK_PRIORITY;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.TicketLookup;
import org.servicedesk.ticket.Timeline;
import org.servicedesk.ticket.TicketLifecycle;
import org.springframework.stereotype.Component;

/**
 * End listener of {@code Task_RouteTicket}: takes the single row of decision
 * {@code TicketRouting} (queue and task priority) and starts the handling at tier 1.
 */
@Component("routingDecisionListener")
class RoutingDecisionListener implements ExecutionListener {

    /** The engine's name for the result of a business rule task, available to its end listener. */
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

        Ticket ticket = tickets.of(execution);
        ticket.route(queue);
        execution.setVariable(VAR_QUEUE, queue);
        execution.setVariable(VAR_TASK_PRIORITY, taskPriority);
        execution.setVariable(VAR_HANDLING_TIER, 1);
        execution.setVariable(VAR_RESPONDED, false);
        execution.setVariable(VAR_ASSIGNED, false);
        execution.setVariable(TicketLifecycle.VAR_CUSTOMER_MUST_ANSWER, false);
        timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.ROUTED,
                "Queue " + queue + ", task priority " + taskPriority);
    }
}
