package org.servicedesk.quality;

import org.servicedesk.reporting.LastCompletedWeekListener;

/**
 * The contract of {@code processes/quality-inspection.bpmn}: every Monday 09:00 (desk zone,
 * {@code servicedesk.quality-inspection.cycle}) a sample of the tickets closed in the last
 * completed ISO week is drawn into table {@code quality_inspection}, and a quality inspector
 * (group {@code qa}) scores each sampled ticket. No business key. The process carries the week,
 * the sample's size and, per inspection, the row's and the ticket's ids; the scores and notes
 * go to the table.
 */
public final class QualityInspection {

    public static final String PROCESS_ID = "QualityInspectionProcess";

    public static final String RESOURCE = "processes/quality-inspection.bpmn";

    public static final String FORM_ID = "InspectTicketForm";

    public static final String CANDIDATE_GROUP = "qa";

    // activities
    public static final String START_EVERY_MONDAY = "StartEvent_EveryMonday";
    public static final String TASK_SAMPLE_CLOSED_TICKETS = "Task_SampleClosedTickets";
    public static final String GATEWAY_ANY_TICKET_SAMPLED = "Gateway_AnyTicketSampled";
    public static final String TASK_INSPECT_TICKET = "Task_InspectTicket";
    public static final String END_TICKETS_INSPECTED = "EndEvent_TicketsInspected";
    public static final String END_NOTHING_TO_INSPECT = "EndEvent_NothingToInspect";

    // process variables
    /** The ISO week whose closed tickets are sampled, e.g. {@code 2026-W47}. */
    public static final String VAR_WEEK = LastCompletedWeekListener.VAR_WEEK;
    /** How many tickets this run sampled (0: none closed, or the week was sampled before). */
    public static final String VAR_SAMPLED_TICKETS = "sampledTickets";
    /** Per instance of {@code Task_InspectTicket}: id of the {@code quality_inspection} row. */
    public static final String VAR_INSPECTION_ID = "inspectionId";
    /** Per instance of {@code Task_InspectTicket} (set by its first create listener): id of the inspected ticket. */
    public static final String VAR_TICKET_ID = "ticketId";

    // task-local form fields of Task_InspectTicket (all required)
    public static final String FIELD_REQUEST_UNDERSTOOD = "requestUnderstood";
    public static final String FIELD_SOLUTION_EFFECTIVE = "solutionEffective";
    public static final String FIELD_ATTITUDE_SCORE = "attitudeScore";
    public static final String FIELD_PROCESS_COMPLIANCE = "processCompliance";
    public static final String FIELD_INSPECTION_NOTES = "inspectionNotes";

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";

    private QualityInspection() {
    }
}
