package org.servicedesk.reporting;

/**
 * The contract of {@code processes/weekly-service-report.bpmn}: every Monday 08:00 (desk zone,
 * {@code servicedesk.weekly-report.cycle}) the last completed ISO week's report is e-mailed to
 * each member of the managers group. No business key; the process carries the week's label and
 * how many managers were e-mailed, nothing else.
 */
public final class WeeklyServiceReport {

    public static final String PROCESS_ID = "WeeklyServiceReportProcess";

    public static final String RESOURCE = "processes/weekly-service-report.bpmn";

    // activities
    public static final String START_EVERY_MONDAY = "StartEvent_EveryMonday";
    public static final String TASK_EMAIL_WEEKLY_REPORT = "Task_EmailWeeklyReport";
    public static final String GATEWAY_ANY_MANAGER_EMAILED = "Gateway_AnyManagerEmailed";
    public static final String END_REPORT_SENT = "EndEvent_ReportSent";
    public static final String END_NO_MANAGER_TO_EMAIL = "EndEvent_NoManagerToEmail";

    // process variables
    /** The ISO week reported, e.g. {@code 2026-W47}: the last completed week when the timer fired. */
    public static final String VAR_WEEK = LastCompletedWeekListener.VAR_WEEK;
    /** Managers with an e-mail address who have the week's report in the outbox. */
    public static final String VAR_MANAGERS_EMAILED = "managersEmailed";

    private WeeklyServiceReport() {
    }
}
