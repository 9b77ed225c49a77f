package org.servicedesk.sla;

import static org.servicedesk.ticket.TicketLifecycle.VAR_RESOLUTION_DUE_AT;

import java.time.Duration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.TicketLookup;
import org.servicedesk.ticket.Timeline;
import org.springframework.stereotype.Component;

/**
 * Start and end listener of {@code Task_AwaitCustomerReply}. While the desk waits for the
 * customer, the resolution clock is paused: the timers of its SlaClockProcess (warning, breach,
 * escalation) are held (their due date is set to {@link SlaClockProcess#NEVER}, which Cockpit
 * shows). When the wait ends, the due dates move by the paused working time and the timers are
 * recalculated from them.
 */
@Component("resolutionClockPauser")
class ResolutionClockPauser implements ExecutionListener {

    private final TicketLookup tickets;

    private final SlaClocks clocks;

    private final SlaClockInstances instances;

    private final Timeline timeline;

    private final LegacyDueDateVariables legacy;

    ResolutionClockPauser(TicketLookup tickets, SlaClocks clocks, SlaClockInstances instances, Timeline timeline,
            LegacyDueDateVariables legacy) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.instances = instances;
        this.timeline = timeline;
        this.legacy = legacy;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Ticket ticket = tickets.of(execution);
        if (EVENTNAME_START.equals(execution.getEventName())) {
            clocks.pause(ticket.getId(), ClockKind.RESOLUTION);
            clocks.latest(ticket.getId(), ClockKind.RESOLUTION).ifPresent(clock -> instances.hold(clock, ticket.getNumber()));
            timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.RESOLUTION_CLOCK_PAUSED, null);
            return;
        }
        clocks.resume(ticket.getId(), ClockKind.RESOLUTION).ifPresent(clock -> {
            legacy.set(execution, VAR_RESOLUTION_DUE_AT, clock.getDueAt());
            instances.move(clock, ticket.getNumber());
            timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.RESOLUTION_CLOCK_RESUMED,
                    "paused " + readable(Duration.ofSeconds(clock.getPausedSeconds())) + " of working time in all; due "
                            + timeline.format(clock.getDueAt()));
        });
    }

    static String readable(Duration duration) {
        return duration.toHours() + " h " + duration.toMinutesPart() + " min";
    }
}
