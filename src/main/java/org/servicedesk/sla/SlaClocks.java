package org.servicedesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.servicedesk.sla.calendar.WorkingCalendar;
import org.servicedesk.sla.calendar.WorkingCalendars;
import org.servicedesk.system.TimeSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, stops, pauses and resumes the service-level clocks of tickets. Due dates are counted
 * in working time of the clock's calendar and stored when the clock starts.
 */
@Service
public class SlaClocks {

    private final SlaClockRepository clocks;

    private final WorkingCalendars calendars;

    private final TimeSource time;

    SlaClocks(SlaClockRepository clocks, WorkingCalendars calendars, TimeSource time) {
        this.clocks = clocks;
        this.calendars = calendars;
        this.time = time;
    }

    /**
     * The clocks that run from intake: assignment, first response and resolution. Started once: if
     * they are already there (the routing ran before), those are returned.
     */
    @Transactional
    public List<SlaClock> startAtIntake(Long ticketId, Instant receivedAt, SlaPolicy policy) {
        List<SlaClock> started = clocks.findByTicketIdAndRoundAndClockInOrderByIdAsc(ticketId, 1,
                List.of(ClockKind.ASSIGNMENT, ClockKind.RESPONSE, ClockKind.RESOLUTION));
        if (!started.isEmpty()) {
            return List.of(kind(started, ClockKind.ASSIGNMENT), kind(started, ClockKind.RESPONSE),
                    kind(started, ClockKind.RESOLUTION));
        }
        return List.of(
                start(ticketId, ClockKind.ASSIGNMENT, 1, policy.calendar(), policy.assignmentTarget(),
                        policy.assignmentWarningLead(), null, receivedAt),
                start(ticketId, ClockKind.RESPONSE, 1, policy.calendar(), policy.responseTarget(),
                        policy.responseWarningLead(), null, receivedAt),
                start(ticketId, ClockKind.RESOLUTION, 1, policy.calendar(), policy.resolutionTarget(),
                        policy.resolutionWarningLead(), policy.resolutionEscalationAfter(), receivedAt));
    }

    private static SlaClock kind(List<SlaClock> clocks, ClockKind kind) {
        return clocks.stream().filter(c -> c.getClock() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("the intake clocks of a ticket are incomplete: no " + kind));
    }

    /** A new tier-2 feedback clock for each escalation to tier 2 (and each return to it). */
    @Transactional
    public SlaClock startTier2Feedback(Long ticketId, String calendar, String target, String warningLead) {
        int round = latest(ticketId, ClockKind.TIER2_FEEDBACK).map(c -> c.getRound() + 1).orElse(1);
        return start(ticketId, ClockKind.TIER2_FEEDBACK, round, calendar, target, warningLead, null, time.now());
    }

    private SlaClock start(Long ticketId, ClockKind kind, int round, String calendarName, String target,
            String warningLead, String escalationAfter, Instant start) {
        WorkingCalendar calendar = calendars.get(calendarName);
        Instant due = calendar.plus(start, Duration.parse(target));
        Instant warning = warningAt(calendar, start, due, warningLead);
        Instant escalation = escalationAfter == null ? null : calendar.plus(due, Duration.parse(escalationAfter));
        return clocks.save(new SlaClock(ticketId, kind, round, calendarName, target, warningLead, escalationAfter, start,
                warning, due, escalation));
    }

    private static Instant warningAt(WorkingCalendar calendar, Instant start, Instant due, String lead) {
        Instant warning = calendar.minus(due, Duration.parse(lead));
        return warning.isBefore(start) ? start : warning;
    }

    /** Stops the running clock of this kind; true when it was running. */
    @Transactional
    public boolean stop(Long ticketId, ClockKind kind) {
        Optional<SlaClock> clock = latest(ticketId, kind).filter(SlaClock::running);
        clock.ifPresent(c -> {
            Instant now = time.now();
            c.stop(now, calendars.get(c.getCalendar()).between(c.getDueAt(), now));
        });
        return clock.isPresent();
    }

    @Transactional
    public void reopen(Long ticketId, ClockKind kind) {
        latest(ticketId, kind).ifPresent(SlaClock::reopen);
    }

    @Transactional
    public void pause(Long ticketId, ClockKind kind) {
        latest(ticketId, kind).ifPresent(c -> c.pause(time.now()));
    }

    /** Resumes a paused clock: warning, due and escalation move by the paused working time. */
    @Transactional
    public Optional<SlaClock> resume(Long ticketId, ClockKind kind) {
        Optional<SlaClock> clock = latest(ticketId, kind).filter(c -> c.getPausedSince() != null);
        clock.ifPresent(c -> {
            WorkingCalendar calendar = calendars.get(c.getCalendar());
            Duration paused = calendar.between(c.getPausedSince(), time.now());
            Instant due = calendar.plus(c.getDueAt(), paused);
            Instant warning = warningAt(calendar, c.getStartedAt(), due, c.getWarningLead());
            Instant escalation = c.getEscalationAfter() == null ? null
                    : calendar.plus(due, Duration.parse(c.getEscalationAfter()));
            c.resume(paused, warning, due, escalation);
        });
        return clock;
    }

    @Transactional
    public void warned(Long ticketId, ClockKind kind) {
        latest(ticketId, kind).ifPresent(c -> c.warned(time.now()));
    }

    /** Records the breach; true the first time for this clock. */
    @Transactional
    public boolean breached(Long ticketId, ClockKind kind) {
        return latest(ticketId, kind).map(c -> c.breached(time.now())).orElse(false);
    }

    @Transactional
    public void escalated(Long ticketId, ClockKind kind) {
        latest(ticketId, kind).ifPresent(c -> c.escalated(time.now()));
    }

    @Transactional(readOnly = true)
    public Optional<SlaClock> latest(Long ticketId, ClockKind kind) {
        return clocks.findFirstByTicketIdAndClockOrderByRoundDesc(ticketId, kind);
    }

    @Transactional(readOnly = true)
    public List<SlaClock> of(Long ticketId) {
        return clocks.findByTicketIdOrderByIdAsc(ticketId);
    }

    /** Working time left until the clock's due date, negative when overdue; zero once stopped. */
    public Duration remaining(SlaClock clock) {
        if (!clock.running()) {
            return Duration.ZERO;
        }
        WorkingCalendar calendar = calendars.get(clock.getCalendar());
        Instant now = clock.getPausedSince() != null ? clock.getPausedSince() : time.now();
        return now.isAfter(clock.getDueAt()) ? calendar.between(clock.getDueAt(), now).negated()
                : calendar.between(now, clock.getDueAt());
    }
}
