package org.servicedesk.sla;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One clock of one ticket: its policy values, its due dates and, once it stops, its outcome. */
@Entity
public class SlaClock {

    public enum Outcome {
        MET, BREACHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long ticketId;

    @Enumerated(EnumType.STRING)
    private ClockKind clock;

    private int round;

    private String calendar;

    private String target;

    private String warningLead;

    private String escalationAfter;

    private Instant startedAt;

    private Instant warningAt;

    private Instant dueAt;

    private Instant escalationAt;

    private Instant pausedSince;

    private long pausedSeconds;

    private Instant stoppedAt;

    private Instant warnedAt;

    private Instant breachedAt;

    private Instant escalatedAt;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private Long overrunSeconds;

    @Version
    private long version;

    protected SlaClock() {
    }

    SlaClock(Long ticketId, ClockKind clock, int round, String calendar, String target, String warningLead,
            String escalationAfter, Instant startedAt, Instant warningAt, Instant dueAt, Instant escalationAt) {
        this.ticketId = ticketId;
        this.clock = clock;
        this.round = round;
        this.calendar = calendar;
        this.target = target;
        this.warningLead = warningLead;
        this.escalationAfter = escalationAfter;
        this.startedAt = startedAt;
        this.warningAt = warningAt;
        this.dueAt = dueAt;
        this.escalationAt = escalationAt;
    }

    boolean running() {
        return stoppedAt == null;
    }

    /**
     * Stops the clock: met when it stops by its due date (to the second) and its breach timer has
     * not fired, else breached by the overrun.
     */
    void stop(Instant at, Duration overrun) {
        if (stoppedAt != null) {
            return;
        }
        stoppedAt = at;
        pausedSince = null;
        outcome = at.isAfter(dueAt) || breachedAt != null ? Outcome.BREACHED : Outcome.MET;
        overrunSeconds = outcome == Outcome.BREACHED ? overrun.toSeconds() : 0L;
    }

    /** A reopened ticket: the clock runs on toward the same due date. */
    void reopen() {
        stoppedAt = null;
        outcome = null;
        overrunSeconds = null;
    }

    void pause(Instant at) {
        if (running() && pausedSince == null) {
            pausedSince = at;
        }
    }

    /** Resumes and moves warning, due and escalation by the paused working time. */
    void resume(Duration pausedWorkingTime, Instant newWarningAt, Instant newDueAt, Instant newEscalationAt) {
        pausedSince = null;
        pausedSeconds += pausedWorkingTime.toSeconds();
        warningAt = newWarningAt;
        dueAt = newDueAt;
        escalationAt = newEscalationAt;
    }

    void warned(Instant at) {
        if (warnedAt == null) {
            warnedAt = at;
        }
    }

    /** True the first time the breach is recorded. */
    boolean breached(Instant at) {
        if (breachedAt != null) {
            return false;
        }
        breachedAt = at;
        return true;
    }

    void escalated(Instant at) {
        if (escalatedAt == null) {
            escalatedAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public ClockKind getClock() {
        return clock;
    }

    public int getRound() {
        return round;
    }

    public String getCalendar() {
        return calendar;
    }

    public String getTarget() {
        return target;
    }

    public String getWarningLead() {
        return warningLead;
    }

    public String getEscalationAfter() {
        return escalationAfter;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getWarningAt() {
        return warningAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getEscalationAt() {
        return escalationAt;
    }

    public Instant getPausedSince() {
        return pausedSince;
    }

    public long getPausedSeconds() {
        return pausedSeconds;
    }

    public Instant getStoppedAt() {
        return stoppedAt;
    }

    public Instant getWarnedAt() {
        return warnedAt;
    }

    public Instant getBreachedAt() {
        return breachedAt;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public Long getOverrunSeconds() {
        return overrunSeconds;
    }
}
