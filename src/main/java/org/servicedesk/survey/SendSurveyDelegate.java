package org.servicedesk.survey;

import static org.servicedesk.survey.SatisfactionSurvey.VAR_SURVEY_ID;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.notification.Notifier;
import org.servicedesk.system.ServiceDeskProperties;
import org.servicedesk.system.TimeSource;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.TicketLookup;
import org.servicedesk.ticket.Timeline;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendSurvey}: creates the survey with an unguessable single-use token and sends
 * its link. The token stays in our table; the process only knows the survey's id.
 */
@Component("sendSurveyDelegate")
class SendSurveyDelegate implements JavaDelegate {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SurveyRepository surveys;

    private final TicketLookup tickets;

    private final Notifier notifier;

    private final Timeline timeline;

    private final TimeSource time;

    private final String publicBaseUrl;

    SendSurveyDelegate(SurveyRepository surveys, TicketLookup tickets, Notifier notifier, Timeline timeline,
            TimeSource time, ServiceDeskProperties properties) {
        this.surveys = surveys;
        this.tickets = tickets;
        this.notifier = notifier;
        this.timeline = timeline;
        this.time = time;
        this.publicBaseUrl = properties.publicBaseUrl();
    }

    @Override
    public void execute(DelegateExecution execution) {
        Ticket ticket = tickets.of(execution);
        Survey survey = surveys.findByTicketId(ticket.getId())
                .orElseGet(() -> surveys.save(new Survey(ticket.getId(), newToken(), time.now())));
        execution.setVariable(VAR_SURVEY_ID, survey.getId());
        notifier.toCustomer(ticket, "survey", NotificationTemplate.SURVEY_INVITATION, Map.of(),
                publicBaseUrl + "/customer/surveys/" + survey.getToken());
        timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.SURVEY_SENT, null);
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
