package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.MSG_CUSTOMER_CONFIRMED;
import static org.servicedesk.ticket.TicketLifecycle.MSG_CUSTOMER_REJECTED;
import static org.servicedesk.ticket.TicketLifecycle.VAR_CLOSE_REASON;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.servicedesk.system.TimeSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's answer to a sent solution: confirmed closes the ticket, rejected reopens it. It comes
 * through the customer's confirmation link ({@link CustomerLinks}) or is recorded by an agent; either
 * way the solution's links are done.
 */
@Service
public class CustomerConfirmations {

    private final TicketLookup tickets;

    private final Timeline timeline;

    private final RuntimeService runtimeService;

    private final ApplicationEventPublisher events;

    private final CustomerLinkRepository links;

    private final TimeSource time;

    CustomerConfirmations(TicketLookup tickets, Timeline timeline, RuntimeService runtimeService,
            ApplicationEventPublisher events, CustomerLinkRepository links, TimeSource time) {
        this.links = links;
        this.time = time;
        this.tickets = tickets;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.events = events;
    }

    @Transactional
    public Ticket answer(String number, Confirmation confirmation) {
        Ticket ticket = tickets.byNumber(number);
        if (ticket.getStatus() != TicketStatus.PENDING_CONFIRMATION) {
            throw new TicketStateConflictException(number, ticket.getStatus(),
                    "only a ticket pending confirmation can be confirmed or rejected");
        }
        boolean accepted = confirmation.accepted();
        links.expireOpen(ticket.getId(), CustomerLinkPurpose.CONFIRMATION, time.now()); // answered: no other link may
        timeline.record(ticket.getId(), Timeline.CUSTOMER,
                accepted ? TicketAction.CUSTOMER_CONFIRMED : TicketAction.CUSTOMER_REJECTED, confirmation.comment());
        var correlation = runtimeService.createMessageCorrelation(accepted ? MSG_CUSTOMER_CONFIRMED : MSG_CUSTOMER_REJECTED)
                .processInstanceBusinessKey(number);
        if (accepted) {
            correlation.setVariable(VAR_CLOSE_REASON, CloseReason.CONFIRMED.name());
        } else {
            events.publishEvent(new TicketMilestone(ticket.getId(), TicketMilestone.Kind.REOPENED));
        }
        try {
            correlation.correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new TicketStateConflictException(number, ticket.getStatus(), "it is not waiting for the customer");
        }
        return ticket;
    }
}
