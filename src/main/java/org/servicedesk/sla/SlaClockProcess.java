package org.servicedesk.sla;

/**
 * The contract of {@code processes/sla-clock.bpmn}: one instance per service-level clock of a
 * ticket, with the ticket number as business key. It carries ids, the clock's kind and its
 * moments only.
 */
public final class SlaClockProcess {

    public static final String PROCESS_ID = "SlaClockProcess";

    public static final String RESOURCE = "processes/sla-clock.bpmn";

    public static final String TASK_RUN_SLA_CLOCK = "Task_RunSlaClock";
    public static final String TASK_NOTIFY_SLA_WARNING = "Task_NotifySlaWarning";
    public static final String TASK_NOTIFY_SLA_BREACH = "Task_NotifySlaBreach";
    public static final String TASK_HANDLE_SLA_BREACH = "Task_HandleSlaBreach";
    public static final String TASK_ESCALATE_TO_MANAGERS = "Task_EscalateToManagers";
    public static final String BOUNDARY_SLA_WARNING_DUE = "BoundaryEvent_SlaWarningDue";
    public static final String BOUNDARY_SLA_BREACHED = "BoundaryEvent_SlaBreached";
    public static final String BOUNDARY_SLA_ESCALATION_DUE = "BoundaryEvent_SlaEscalationDue";
    public static final String END_SLA_CLOCK_STOPPED = "EndEvent_SlaClockStopped";
    public static final String END_SLA_BREACH_KNOWN = "EndEvent_SlaBreachKnown";

    /** Correlated when the desk stops the clock. */
    public static final String MSG_SLA_CLOCK_STOPPED = "SlaClockStopped";

    public static final String VAR_TICKET_ID = "ticketId";
    /** The id of the clock's row in table {@code sla_clock}. */
    public static final String VAR_SLA_CLOCK_ID = "slaClockId";
    /** ASSIGNMENT, RESPONSE, TIER2_FEEDBACK or RESOLUTION. */
    public static final String VAR_SLA_CLOCK = "slaClock";
    /** The same kind, read by the form of {@code Task_HandleSlaBreach}. */
    public static final String VAR_BREACHED_CLOCK = "breachedClock";
    public static final String VAR_WARNING_AT = "warningAt";
    public static final String VAR_DUE_AT = "dueAt";
    /** The escalation to the managers; {@link #NEVER} for clocks that do not escalate. */
    public static final String VAR_ESCALATION_AT = "escalationAt";
    /** True the first time this clock breaches (not again on a reopened ticket). */
    public static final String VAR_NEW_BREACH = "newBreach";

    /** The due date of a timer that does not fire: no escalation, or a held (paused) clock. */
    public static final java.util.Date NEVER = java.util.Date.from(java.time.Instant.parse("9999-12-31T00:00:00Z"));

    private SlaClockProcess() {
    }
}
