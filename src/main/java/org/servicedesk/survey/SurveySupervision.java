package org.servicedesk.survey;

import org.servicedesk.security.SupervisedProcess;
import org.springframework.stereotype.Component;

/** Supervisors work on the tasks of the surveys: the follow-ups of dissatisfied answers. */
@Component
class SurveySupervision implements SupervisedProcess {

    @Override
    public String processDefinitionKey() {
        return SatisfactionSurvey.PROCESS_ID;
    }
}
