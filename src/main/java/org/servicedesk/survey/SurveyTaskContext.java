package org.servicedesk.survey;

import static org.servicedesk.survey.SatisfactionSurvey.TASK_FOLLOW_UP_DISSATISFIED;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.servicedesk.ticket.PersonalText;
import org.servicedesk.ticket.TaskContextContributor;
import org.servicedesk.ticket.Ticket;
import org.springframework.stereotype.Component;

/** Shows the survey answer in the follow-up form. */
@Component
class SurveyTaskContext implements TaskContextContributor {

    private final SurveyRepository surveys;

    SurveyTaskContext(SurveyRepository surveys) {
        this.surveys = surveys;
    }

    @Override
    public void contribute(DelegateTask task, Ticket ticket) {
        if (!TASK_FOLLOW_UP_DISSATISFIED.equals(task.getTaskDefinitionKey())) {
            return;
        }
        task.setVariableLocal("category", ticket.getCategory().name());
        task.setVariableLocal("priority", ticket.getPriority().name());
        task.setVariableLocal("channel", ticket.getChannel().name());
        // the engine's history keeps these: contact data in the texts is masked
        task.setVariableLocal("resolution",
                ticket.getResolution() == null ? "" : PersonalText.mask(ticket.getResolution(), ticket));
        surveys.findByTicketId(ticket.getId()).ifPresent(survey -> {
            task.setVariableLocal("surveyOverall", survey.getOverall());
            task.setVariableLocal("surveyLowestScore", survey.lowestScore());
            task.setVariableLocal("surveyComment",
                    survey.getComment() == null ? "" : PersonalText.mask(survey.getComment(), ticket));
        });
    }
}
