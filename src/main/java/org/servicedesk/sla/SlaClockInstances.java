package org.servicedesk.sla;

import static org.servicedesk.sla.SlaClockProcess.MSG_SLA_CLOCK_STOPPED;
import static org.servicedesk.sla.SlaClockProcess.NEVER;
import static org.servicedesk.sla.SlaClockProcess.PROCESS_ID;
import static org.servicedesk.sla.SlaClockProcess.VAR_BREACHED_CLOCK;
import static org.servicedesk.sla.SlaClockProcess.VAR_DUE_AT;
import static org.servicedesk.sla.SlaClockProcess.VAR_ESCALATION_AT;
import static org.servicedesk.sla.SlaClockProcess.VAR_SLA_CLOCK;
import static org.servicedesk.sla.SlaClockProcess.VAR_SLA_CLOCK_ID;
import static org.servicedesk.sla.SlaClockProcess.VAR_TICKET_ID;
import static org.servicedesk.sla.SlaClockProcess.VAR_WARNING_AT;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Runs each service-level clock as an instance of {@code SlaClockProcess}: started with the clock,
 * stopped by message when the clock stops, its timers held while the clock is paused and moved to
 * the new moments when it resumes. Idempotent: a clock runs in at most one active instance.
 */
@Component
class SlaClockInstances {

    private final RuntimeService runtimeService;

    private final ManagementService managementService;

    SlaClockInstances(@Lazy RuntimeService runtimeService, @Lazy ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    /** Starts the clock's instance unless the clock has stopped or already runs in one. */
    void start(SlaClock clock, String ticketNumber) {
        if (!clock.running() || running(ticketNumber, clock).isPresent()) {
            return;
        }
        runtimeService.startProcessInstanceByKey(PROCESS_ID, ticketNumber, Map.of(
                VAR_TICKET_ID, clock.getTicketId(),
                VAR_SLA_CLOCK_ID, clock.getId(),
                VAR_SLA_CLOCK, clock.getClock().name(),
                VAR_BREACHED_CLOCK, clock.getClock().name(),
                VAR_WARNING_AT, Date.from(clock.getWarningAt()),
                VAR_DUE_AT, Date.from(clock.getDueAt()),
                VAR_ESCALATION_AT, date(clock.getEscalationAt())));
    }

    /** Ends the waiting of the clock's instance: its timers go; a supervisor's open breach task stays. */
    void stop(SlaClock clock) {
        runtimeService.createMessageCorrelation(MSG_SLA_CLOCK_STOPPED)
                .processInstanceVariableEquals(VAR_SLA_CLOCK_ID, clock.getId()).correlateAll();
    }

    /** Holds the timers of a paused clock (their due date becomes {@link SlaClockProcess#NEVER}, which Cockpit shows). */
    void hold(SlaClock clock, String ticketNumber) {
        running(ticketNumber, clock).ifPresent(instance -> timers(instance).forEach(job ->
                managementService.setJobDuedate(job.getId(), NEVER)));
    }

    /** Moves the timers of a resumed clock to its new warning, due and escalation moments. */
    void move(SlaClock clock, String ticketNumber) {
        running(ticketNumber, clock).ifPresent(instance -> {
            runtimeService.setVariables(instance.getId(), Map.of(
                    VAR_WARNING_AT, Date.from(clock.getWarningAt()),
                    VAR_DUE_AT, Date.from(clock.getDueAt()),
                    VAR_ESCALATION_AT, date(clock.getEscalationAt())));
            timers(instance).forEach(job -> managementService.recalculateJobDuedate(job.getId(), false));
        });
    }

    /** The instance in which the clock waits, if it does; narrowed by business key (indexed) first. */
    private Optional<ProcessInstance> running(String ticketNumber, SlaClock clock) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(ticketNumber).variableValueEquals(VAR_SLA_CLOCK_ID, clock.getId())
                .activityIdIn(SlaClockProcess.TASK_RUN_SLA_CLOCK).list().stream().findFirst();
    }

    private List<Job> timers(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().list();
    }

    private static Date date(Instant instant) {
        return instant == null ? NEVER : Date.from(instant);
    }
}
