package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.VAR_CLOSE_REASON;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.notification.Notifier;
import org.springframework.stereotype.Component;

/** {@code Task_NotifyNoReplyClosure}: the customer never answered; they are told the ticket closes. */
@Component("noReplyClosureDelegate")
class NoReplyClosureDelegate implements JavaDelegate {

    private final TicketLookup tickets;

    private final Notifier notifier;

    NoReplyClosureDelegate(TicketLookup tickets, Notifier notifier) {
        this.tickets = tickets;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Ticket ticket = tickets.of(execution);
        execution.setVariable(VAR_CLOSE_REASON, CloseReason.NO_CUSTOMER_REPLY.name());
        notifier.toCustomer(ticket, "closed-no-reply", NotificationTemplate.CLOSED_NO_REPLY, Map.of(), null);
    }
}
