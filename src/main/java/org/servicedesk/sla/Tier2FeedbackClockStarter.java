package org.servicedesk.sla;

import static org.servicedesk.ticket.TicketLifecycle.VAR_SLA_CALENDAR;
import static org.servicedesk.ticket.TicketLifecycle.VAR_TIER2_FEEDBACK_DUE_AT;
import static org.servicedesk.ticket.TicketLifecycle.VAR_TIER2_FEEDBACK_TARGET;
import static org.servicedesk.ticket.TicketLifecycle.VAR_TIER2_FEEDBACK_WARNING_LEAD;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketLookup;
import org.springframework.stereotype.Component;

/** Take listener of the flow into {@code Task_HandleTier2}: each arrival at tier 2 starts a feedback clock and its SlaClockProcess. */
@Component("tier2FeedbackClockStarter")
class Tier2FeedbackClockStarter implements ExecutionListener {

    private final TicketLookup tickets;

    private final SlaClocks clocks;

    private final SlaClockInstances instances;

    private final LegacyDueDateVariables legacy;

    Tier2FeedbackClockStarter(TicketLookup tickets, SlaClocks clocks, SlaClockInstances instances,
            LegacyDueDateVariables legacy) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.instances = instances;
        this.legacy = legacy;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Ticket ticket = tickets.of(execution);
        SlaClock clock = clocks.startTier2Feedback(ticket.getId(),
                (String) execution.getVariable(VAR_SLA_CALENDAR),
                (String) execution.getVariable(VAR_TIER2_FEEDBACK_TARGET),
                (String) execution.getVariable(VAR_TIER2_FEEDBACK_WARNING_LEAD));
        legacy.set(execution, VAR_TIER2_FEEDBACK_DUE_AT, clock.getDueAt());
        instances.start(clock, ticket.getNumber());
    }
}
