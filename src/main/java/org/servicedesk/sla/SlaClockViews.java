package org.servicedesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.servicedesk.ticket.ServiceLevels;
import org.servicedesk.ticket.TaskContextContributor;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.Timeline;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Shows a ticket's clocks: in the ticket API, and in the form of a breach task. */
@Component
class SlaClockViews implements ServiceLevels, TaskContextContributor {

    private final SlaClocks clocks;

    private final Timeline timeline;

    SlaClockViews(SlaClocks clocks, Timeline timeline) {
        this.clocks = clocks;
        this.timeline = timeline;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Clock> of(Long ticketId) {
        return clocks.of(ticketId).stream().map(this::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public DueDates dueDates(Long ticketId) {
        List<SlaClock> all = clocks.of(ticketId);
        return new DueDates(latestDue(all, ClockKind.RESPONSE), latestDue(all, ClockKind.RESOLUTION));
    }

    private static Instant latestDue(List<SlaClock> all, ClockKind kind) {
        return all.stream().filter(c -> c.getClock() == kind).max(Comparator.comparingInt(SlaClock::getRound))
                .map(SlaClock::getDueAt).orElse(null);
    }

    private Clock view(SlaClock c) {
        return new Clock(c.getClock().name(), c.getRound(), c.getCalendar(), c.getTarget(), c.getStartedAt(),
                c.getWarningAt(), c.getDueAt(), c.getEscalationAt(), clocks.remaining(c),
                Duration.ofSeconds(c.getPausedSeconds()), c.getPausedSince() != null, c.getStoppedAt(), c.getWarnedAt(),
                c.getBreachedAt(), c.getEscalatedAt(), c.getOutcome() == null ? null : c.getOutcome().name(),
                c.getOverrunSeconds() == null ? null : Duration.ofSeconds(c.getOverrunSeconds()));
    }

    /** Every ticket task shows when the first response and the resolution are due; a breach task its clocks. */
    @Override
    public void contribute(DelegateTask task, Ticket ticket) {
        DueDates due = dueDates(ticket.getId());
        task.setVariableLocal("responseDue", timeline.format(due.response()));
        task.setVariableLocal("resolutionDue", timeline.format(due.resolution()));
        if (!SlaClockProcess.TASK_HANDLE_SLA_BREACH.equals(task.getTaskDefinitionKey())) {
            return;
        }
        Object breached = task.getVariable(SlaClockProcess.VAR_BREACHED_CLOCK);
        task.setVariableLocal("breachedClockLabel",
                breached == null ? "" : ClockKind.valueOf(breached.toString()).label());
        task.setVariableLocal("slaClocks", clocks.of(ticket.getId()).stream()
                .map(c -> "- **" + c.getClock().label() + "** (" + c.getTarget() + ", " + c.getCalendar() + "): due "
                        + timeline.format(c.getDueAt()) + " · "
                        + (c.getOutcome() != null ? c.getOutcome().name().toLowerCase()
                                : c.getBreachedAt() != null ? "breached, still open"
                                        : c.getPausedSince() != null ? "paused" : "running"))
                .collect(Collectors.joining("\n")));
    }
}
