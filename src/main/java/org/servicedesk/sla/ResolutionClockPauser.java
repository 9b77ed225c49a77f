package org.servicedesk.sla;

import static org.servicedesk.ticket.TicketLifecycle.BOUNDARY_RESOLUTION_ESCALATION;
import static org.servicedesk.ticket.TicketLifecycle.BOUNDARY_RESOLUTION_SLA_BREACHED;
import static org.servicedesk.ticket.TicketLifecycle.BOUNDARY_RESOLUTION_SLA_WARNING;
import static org.servicedesk.ticket.TicketLifecycle.VAR_RESOLUTION_DUE_AT;
import static org.servicedesk.ticket.TicketLifecycle.VAR_RESOLUTION_ESCALATION_AT;
import static org.servicedesk.ticket.TicketLifecycle.VAR_RESOLUTION_WARNING_AT;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.TicketLookup;
import org.servicedesk.ticket.Timeline;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Start and end listener of {@code Task_AwaitCustomerReply}. While the desk waits for the
 * customer, the resolution clock is paused: its timers (warning, breach, escalation) are held
 * (their due date is set to {@link #PAUSED}, which Cockpit shows). When the wait ends, the due
 * dates move by the paused working time and the timers are recalculated from them.
 * (Suspending the jobs instead would update them behind the engine's back within this command.)
 */
@Component("resolutionClockPauser")
class ResolutionClockPauser implements ExecutionListener {

    /** The due date of a held timer. */
    static final Date PAUSED = Date.from(java.time.Instant.parse("9999-12-31T00:00:00Z"));

    private static final List<String> RESOLUTION_TIMERS = List.of(BOUNDARY_RESOLUTION_SLA_WARNING,
            BOUNDARY_RESOLUTION_SLA_BREACHED, BOUNDARY_RESOLUTION_ESCALATION);

    private final TicketLookup tickets;

    private final SlaClocks clocks;

    private final Timeline timeline;

    private final ManagementService managementService;

    ResolutionClockPauser(TicketLookup tickets, SlaClocks clocks, Timeline timeline,
            @Lazy ManagementService managementService) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.timeline = timeline;
        this.managementService = managementService;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Ticket ticket = tickets.of(execution);
        if (EVENTNAME_START.equals(execution.getEventName())) {
            clocks.pause(ticket.getId(), ClockKind.RESOLUTION);
            timers(execution).forEach(job -> managementService.setJobDuedate(job.getId(), PAUSED));
            timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.RESOLUTION_CLOCK_PAUSED, null);
            return;
        }
        clocks.resume(ticket.getId(), ClockKind.RESOLUTION).ifPresent(clock -> {
            ticket.moveResolutionDue(clock.getDueAt());
            execution.setVariable(VAR_RESOLUTION_WARNING_AT, Date.from(clock.getWarningAt()));
            execution.setVariable(VAR_RESOLUTION_DUE_AT, Date.from(clock.getDueAt()));
            execution.setVariable(VAR_RESOLUTION_ESCALATION_AT, Date.from(clock.getEscalationAt()));
            for (Job job : timers(execution)) {
                managementService.recalculateJobDuedate(job.getId(), false);
            }
            timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.RESOLUTION_CLOCK_RESUMED,
                    "paused " + readable(Duration.ofSeconds(clock.getPausedSeconds())) + " of working time in all; due "
                            + timeline.format(clock.getDueAt()));
        });
    }

    private List<Job> timers(DelegateExecution execution) {
        List<String> definitions = managementService.createJobDefinitionQuery()
                .processDefinitionId(execution.getProcessDefinitionId())
                .activityIdIn(RESOLUTION_TIMERS.toArray(String[]::new))
                .list().stream().map(JobDefinition::getId).toList();
        return definitions.stream()
                .flatMap(definition -> managementService.createJobQuery()
                        .processInstanceId(execution.getProcessInstanceId())
                        .jobDefinitionId(definition).list().stream())
                .toList();
    }

    static String readable(Duration duration) {
        return duration.toHours() + " h " + duration.toMinutesPart() + " min";
    }
}
