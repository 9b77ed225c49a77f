package org.servicedesk.survey;

import org.servicedesk.security.SupervisedProcess;
import org.springframework.stereotype.Component;

/** Supervisors work on the follow-ups of dissatisfied survey answers. */
@Component
class SurveySupervision implements SupervisedProcess {

    @Override
    public String processDefinitionKey() {
        return SatisfactionSurvey.PROCESS_ID;
    }
}
