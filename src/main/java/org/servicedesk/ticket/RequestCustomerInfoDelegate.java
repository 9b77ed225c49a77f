package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.VAR_CUSTOMER_QUESTION;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.notification.Notifier;
import org.servicedesk.system.ServiceDeskProperties;
import org.springframework.stereotype.Component;

/** {@code Task_RequestCustomerInfo}: the agent's question goes to the customer; the ticket waits for them. */
@Component("requestCustomerInfoDelegate")
class RequestCustomerInfoDelegate implements JavaDelegate {

    private final TicketLookup tickets;

    private final Notifier notifier;

    private final Timeline timeline;

    private final FirstResponse firstResponse;

    private final String publicBaseUrl;

    private final CustomerLinks links;

    RequestCustomerInfoDelegate(TicketLookup tickets, Notifier notifier, Timeline timeline, FirstResponse firstResponse,
            ServiceDeskProperties properties, CustomerLinks links) {
        this.links = links;
        this.tickets = tickets;
        this.notifier = notifier;
        this.timeline = timeline;
        this.firstResponse = firstResponse;
        this.publicBaseUrl = properties.publicBaseUrl();
    }

    @Override
    public void execute(DelegateExecution execution) {
        Ticket ticket = tickets.of(execution);
        String question = String.valueOf(execution.getVariable(VAR_CUSTOMER_QUESTION));
        ticket.awaitCustomer();
        notifier.toCustomer(ticket, "question-" + execution.getActivityInstanceId(),
                NotificationTemplate.INFORMATION_REQUESTED, Map.of("question", question),
                publicBaseUrl + "/customer/replies/" + links.issue(ticket, CustomerLinkPurpose.REPLY));
        timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.INFORMATION_REQUESTED, question);
        firstResponse.given(ticket, execution);
    }
}
