package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.VAR_TICKET_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/** Finds the ticket a process step works on, by the {@code ticketId} variable or by number. */
@Service
public class TicketLookup {

    private final TicketRepository tickets;

    TicketLookup(TicketRepository tickets) {
        this.tickets = tickets;
    }

    /**
     * The ticket of the process step, which must be the ticket the process instance is for: a ticket
     * process's business key is its ticket's number, so a {@code ticketId} variable changed to point
     * at another ticket (through the engine API, or a bug) makes the step fail instead of acting on
     * the wrong customer's ticket.
     */
    public Ticket of(VariableScope scope) {
        Object id = scope.getVariable(VAR_TICKET_ID);
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("process variable " + VAR_TICKET_ID + " is missing");
        }
        Ticket ticket = tickets.findById(number.longValue())
                .orElseThrow(() -> new IllegalStateException("no ticket with id " + id));
        String businessKey = businessKeyOf(scope);
        if (!ticket.getNumber().equals(businessKey)) {
            throw new IllegalStateException("ticket " + id + " does not belong to the process instance of "
                    + businessKey);
        }
        return ticket;
    }

    private static String businessKeyOf(VariableScope scope) {
        if (scope instanceof DelegateExecution execution) {
            return execution.getProcessBusinessKey();
        }
        if (scope instanceof DelegateTask task && task.getExecution() != null) {
            return task.getExecution().getProcessBusinessKey();
        }
        return null;
    }

    public Ticket byNumber(String number) {
        return tickets.findByNumber(number).orElseThrow(() -> new TicketNotFoundException(number));
    }
}
