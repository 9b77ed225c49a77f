package org.servicedesk.survey;

import static org.servicedesk.survey.SatisfactionSurvey.MSG_SURVEY_REQUESTED;
import static org.servicedesk.survey.SatisfactionSurvey.VAR_TICKET_ID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code EndEvent_TicketClosed} (message end event): starts the satisfaction survey for the
 * closed ticket, with the ticket number as its business key.
 */
@Component("requestSurveyDelegate")
class RequestSurveyDelegate implements JavaDelegate {

    private final RuntimeService runtimeService;

    RequestSurveyDelegate(@Lazy RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        runtimeService.createMessageCorrelation(MSG_SURVEY_REQUESTED)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .setVariable(VAR_TICKET_ID, execution.getVariable(VAR_TICKET_ID))
                .correlateStartMessage();
    }
}
