package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.MSG_CUSTOMER_REPLIED;
import static org.servicedesk.ticket.TicketLifecycle.PROCESS_ID;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.notification.Notifier;
import org.servicedesk.system.TimeSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Messages between agent and customer outside the task forms: agent replies and customer answers. */
@Service
public class Conversations {

    private final TicketLookup tickets;

    private final Timeline timeline;

    private final Notifier notifier;

    private final FirstResponse firstResponse;

    private final RuntimeService runtimeService;

    private final TimeSource time;

    private final CustomerLinkRepository links;

    Conversations(TicketLookup tickets, Timeline timeline, Notifier notifier, FirstResponse firstResponse,
            RuntimeService runtimeService, TimeSource time, CustomerLinkRepository links) {
        this.links = links;
        this.tickets = tickets;
        this.timeline = timeline;
        this.notifier = notifier;
        this.firstResponse = firstResponse;
        this.runtimeService = runtimeService;
        this.time = time;
    }

    /** An agent writes to the customer; the first such message stops the first-response clock. */
    @Transactional
    public Ticket agentReply(String number, Message reply) {
        Ticket ticket = tickets.byNumber(number);
        if (ticket.getStatus() == TicketStatus.CLOSED) {
            throw new TicketStateConflictException(number, ticket.getStatus(), "a closed ticket takes no replies");
        }
        String actor = reply.agent() == null ? "agent" : reply.agent();
        notifier.toCustomer(ticket, "reply-" + time.now().toEpochMilli(), NotificationTemplate.AGENT_REPLY,
                Map.of("message", reply.message()), null);
        timeline.record(ticket.getId(), actor, TicketAction.AGENT_REPLIED, reply.message());
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(number).singleResult();
        firstResponse.given(ticket, instance == null ? null : instance.getId());
        return ticket;
    }

    /**
     * The customer answers the desk's question (through their reply link, {@link CustomerLinks}, or an
     * agent records it): the ticket goes back to the tier that asked; the question's links are done.
     */
    @Transactional
    public Ticket customerReply(String number, Message reply) {
        Ticket ticket = tickets.byNumber(number);
        if (ticket.getStatus() != TicketStatus.AWAITING_CUSTOMER) {
            throw new TicketStateConflictException(number, ticket.getStatus(),
                    "only a ticket awaiting the customer takes their reply");
        }
        timeline.record(ticket.getId(), Timeline.CUSTOMER, TicketAction.CUSTOMER_REPLIED, reply.message());
        links.expireOpen(ticket.getId(), CustomerLinkPurpose.REPLY, time.now()); // answered: no other link may
        try {
            runtimeService.createMessageCorrelation(MSG_CUSTOMER_REPLIED).processInstanceBusinessKey(number)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new TicketStateConflictException(number, ticket.getStatus(), "it is not waiting for the customer");
        }
        return ticket;
    }
}
