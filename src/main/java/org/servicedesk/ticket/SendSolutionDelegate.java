package org.servicedesk.ticket;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.notification.Notifier;
import org.servicedesk.system.ServiceDeskProperties;
import org.servicedesk.system.TimeSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendSolution}: the ticket waits for the customer's confirmation. Each time a
 * solution is sent (again after a reopen) is its own message, with its own confirmation link.
 */
@Component("sendSolutionDelegate")
class SendSolutionDelegate implements JavaDelegate {

    private final TicketLookup tickets;

    private final Notifier notifier;

    private final Timeline timeline;

    private final TimeSource time;

    private final String publicBaseUrl;

    private final FirstResponse firstResponse;

    private final ApplicationEventPublisher events;

    private final CustomerLinks links;

    SendSolutionDelegate(TicketLookup tickets, Notifier notifier, Timeline timeline, TimeSource time,
            ServiceDeskProperties properties, FirstResponse firstResponse, ApplicationEventPublisher events,
            CustomerLinks links) {
        this.links = links;
        this.firstResponse = firstResponse;
        this.events = events;
        this.tickets = tickets;
        this.notifier = notifier;
        this.timeline = timeline;
        this.time = time;
        this.publicBaseUrl = properties.publicBaseUrl();
    }

    @Override
    public void execute(DelegateExecution execution) {
        Ticket ticket = tickets.of(execution);
        ticket.solutionSent(time.now());
        // a new token each time: the link of an earlier solution stops working
        String link = publicBaseUrl + "/customer/confirmations/"
                + links.issue(ticket, CustomerLinkPurpose.CONFIRMATION);
        notifier.toCustomer(ticket, "solution-" + execution.getActivityInstanceId(),
                NotificationTemplate.SOLUTION_TO_CONFIRM, Map.of("solution", ticket.getResolution()), link);
        timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.SOLUTION_SENT, "Tier " + ticket.getResolvedTier());
        firstResponse.given(ticket, execution);
        events.publishEvent(new TicketMilestone(ticket.getId(), TicketMilestone.Kind.SOLUTION_SENT));
    }
}
