package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.VAR_TICKET_ID;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/** Finds the ticket a process step works on, by the {@code ticketId} variable or by number. */
@Service
public class TicketLookup {

    private final TicketRepository tickets;

    TicketLookup(TicketRepository tickets) {
        this.tickets = tickets;
    }

    public Ticket of(VariableScope scope) {
        Object id = scope.getVariable(VAR_TICKET_ID);
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("process variable " + VAR_TICKET_ID + " is missing");
        }
        return tickets.findById(number.longValue())
                .orElseThrow(() -> new IllegalStateException("no ticket with id " + id));
    }

    public Ticket byNumber(String number) {
        return tickets.findByNumber(number).orElseThrow(() -> new TicketNotFoundException(number));
    }
}
