package org.servicedesk.survey;

/** The contract of {@code processes/satisfaction-survey.bpmn}. Its business key is the ticket number. */
public final class SatisfactionSurvey {

    public static final String PROCESS_ID = "SatisfactionSurveyProcess";

    public static final String TIMER_SURVEY_DELAY = "Event_SurveyDelayElapsed";
    public static final String TASK_SEND_SURVEY = "Task_SendSurvey";
    public static final String TIMER_SURVEY_EXPIRED = "Event_SurveyExpired";
    public static final String TASK_FOLLOW_UP_DISSATISFIED = "Task_FollowUpDissatisfied";

    /** Thrown by the ticket lifecycle when a ticket closes; starts this process. */
    public static final String MSG_SURVEY_REQUESTED = "SurveyRequested";
    public static final String MSG_SURVEY_ANSWERED = "SurveyAnswered";

    public static final String VAR_TICKET_ID = "ticketId";
    public static final String VAR_SURVEY_ID = "surveyId";
    /** True when any score of the answer is 2 or less. */
    public static final String VAR_DISSATISFIED = "dissatisfied";
    public static final String VAR_FOLLOW_UP_CAUSE = "followUpCause";
    public static final String VAR_FOLLOW_UP_ACTIONS = "followUpActions";
    public static final String VAR_FOLLOW_UP_RESULT = "followUpResult";

    /** A score at or below this is "dissatisfied". */
    public static final int DISSATISFIED_AT_OR_BELOW = 2;

    private SatisfactionSurvey() {
    }
}
