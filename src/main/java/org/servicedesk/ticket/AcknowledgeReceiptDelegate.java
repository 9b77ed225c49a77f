package org.servicedesk.ticket;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.notification.Notifier;
import org.springframework.stereotype.Component;

/** {@code Task_AcknowledgeReceipt}: tells the customer their ticket number. */
@Component("acknowledgeReceiptDelegate")
class AcknowledgeReceiptDelegate implements JavaDelegate {

    private final TicketLookup tickets;

    private final Notifier notifier;

    AcknowledgeReceiptDelegate(TicketLookup tickets, Notifier notifier) {
        this.tickets = tickets;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifier.toCustomer(tickets.of(execution), "received", NotificationTemplate.TICKET_RECEIVED, Map.of(), null);
    }
}
