package org.servicedesk.sla;

import static org.servicedesk.ticket.TicketLifecycle.VAR_RESOLUTION_DUE_AT;
import static org.servicedesk.ticket.TicketLifecycle.VAR_RESPONSE_DUE_AT;
import static org.servicedesk.ticket.TicketLifecycle.VAR_SLA_CALENDAR;
import static org.servicedesk.ticket.TicketLifecycle.VAR_TIER2_FEEDBACK_TARGET;
import static org.servicedesk.ticket.TicketLifecycle.VAR_TIER2_FEEDBACK_WARNING_LEAD;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.TicketLookup;
import org.servicedesk.ticket.Timeline;
import org.springframework.stereotype.Component;

/**
 * End listener of {@code Task_ApplySlaPolicy}: starts the assignment, first-response and
 * resolution clocks from the ticket's intake time with the policy row of decision
 * {@code SlaPolicy} and stores them on the ticket: what the intake's answer needs. Their
 * {@code SlaClockProcess} instances, whose timers carry the dates, are started after the answer by
 * {@link SlaClockStarter}. The lifecycle keeps the calendar and the tier-2 feedback target for
 * when the ticket reaches tier 2; its user tasks read their due dates from the clocks
 * ({@link SlaDueDates}).
 */
@Component("slaPolicyListener")
class SlaPolicyListener implements ExecutionListener {

    private final TicketLookup tickets;

    private final SlaClocks clocks;

    private final Timeline timeline;

    private final LegacyDueDateVariables legacy;

    SlaPolicyListener(TicketLookup tickets, SlaClocks clocks, Timeline timeline, LegacyDueDateVariables legacy) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.timeline = timeline;
        this.legacy = legacy;
    }

    @Override
    public void notify(DelegateExecution execution) {
        DmnDecisionResult result = (DmnDecisionResult) execution.getVariable("decisionResult");
        if (result == null || result.isEmpty()) {
            throw new IllegalStateException("decision SlaPolicy matched no rule");
        }
        SlaPolicy policy = SlaPolicy.of(result.getFirstResult().getEntryMap());
        Ticket ticket = tickets.of(execution);
        List<SlaClock> started = clocks.startAtIntake(ticket.getId(), ticket.getCreatedAt(), policy);
        SlaClock assignment = started.get(0);
        SlaClock response = started.get(1);
        SlaClock resolution = started.get(2);
        ticket.applySla(response.getTarget(), resolution.getTarget());
        if (ticket.getFirstRespondedAt() != null) {
            clocks.stop(ticket.getId(), ClockKind.RESPONSE); // an agent replied before the ticket was routed
        }

        execution.setVariable(VAR_SLA_CALENDAR, policy.calendar());
        legacy.set(execution, VAR_RESPONSE_DUE_AT, response.getDueAt());
        legacy.set(execution, VAR_RESOLUTION_DUE_AT, resolution.getDueAt());
        execution.setVariable(VAR_TIER2_FEEDBACK_TARGET, policy.tier2FeedbackTarget());
        execution.setVariable(VAR_TIER2_FEEDBACK_WARNING_LEAD, policy.tier2FeedbackWarningLead());
        timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.SLA_POLICY_APPLIED, "Calendar "
                + policy.calendar() + "; assign within " + assignment.getTarget() + " by "
                + timeline.format(assignment.getDueAt()) + "; respond within " + response.getTarget() + " by "
                + timeline.format(response.getDueAt()) + "; resolve within " + resolution.getTarget() + " by "
                + timeline.format(resolution.getDueAt()));
    }
}
