package org.servicedesk.survey;

import static org.servicedesk.survey.SatisfactionSurvey.VAR_SURVEY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.Timeline;
import org.springframework.stereotype.Component;

/** End listener of {@code EndEvent_SurveyUnanswered}: the link stops working, quietly. */
@Component("surveyExpiredListener")
class SurveyExpiredListener implements ExecutionListener {

    private final SurveyRepository surveys;

    private final Timeline timeline;

    SurveyExpiredListener(SurveyRepository surveys, Timeline timeline) {
        this.surveys = surveys;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Long surveyId = ((Number) execution.getVariable(VAR_SURVEY_ID)).longValue();
        surveys.findById(surveyId).ifPresent(survey -> {
            survey.expire();
            timeline.record(survey.getTicketId(), Timeline.SYSTEM, TicketAction.SURVEY_EXPIRED, null);
        });
    }
}
