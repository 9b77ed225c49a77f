package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.VAR_TICKET_ID;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/** Finds the ticket a process step works on, by the {@code ticketId} variable or by number. */
@Service
public class TicketLookup {

    private final TicketRepository tickets;

    private final List<TicketOwnership> ownerships;

    TicketLookup(TicketRepository tickets, List<TicketOwnership> ownerships) {
        this.tickets = tickets;
        this.ownerships = ownerships;
    }

    /**
     * The ticket of the process step, which must be the ticket the process instance is for: a ticket
     * process's business key is its ticket's number, so a {@code ticketId} variable changed to point
     * at another ticket (through the engine API, or a bug) makes the step fail instead of acting on
     * the wrong customer's ticket. A process that is not a ticket's own (the weekly quality
     * inspection) works only on the tickets its feature vouches for ({@link TicketOwnership}).
     */
    public Ticket of(VariableScope scope) {
        return owned(scope, false);
    }

    /**
     * {@link #of}, with the ticket's row locked until the step's transaction ends: a step that must
     * not run twice at once for a ticket (the customer lookup, which the request and the job executor
     * may both start) waits for the other, then sees what it did. Must be the step's first read of
     * the ticket.
     */
    public Ticket lockedOf(VariableScope scope) {
        return owned(scope, true);
    }

    private Ticket owned(VariableScope scope, boolean lock) {
        Object id = scope.getVariable(VAR_TICKET_ID);
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("process variable " + VAR_TICKET_ID + " is missing");
        }
        Ticket ticket = (lock ? tickets.findForUpdate(number.longValue()) : tickets.findById(number.longValue()))
                .orElseThrow(() -> new IllegalStateException("no ticket with id " + id));
        DelegateExecution execution = executionOf(scope);
        String businessKey = execution == null ? null : execution.getProcessBusinessKey();
        if (ticket.getNumber().equals(businessKey)) {
            return ticket;
        }
        String instance = execution == null ? null : execution.getProcessInstanceId();
        if (instance != null && ownerships.stream().anyMatch(o -> o.works(instance, ticket.getId()))) {
            return ticket;
        }
        throw new IllegalStateException("ticket " + id + " does not belong to the process instance of "
                + (businessKey != null ? businessKey : instance));
    }

    private static DelegateExecution executionOf(VariableScope scope) {
        if (scope instanceof DelegateExecution execution) {
            return execution;
        }
        if (scope instanceof DelegateTask task) {
            return task.getExecution();
        }
        return null;
    }

    public Ticket byNumber(String number) {
        return tickets.findByNumber(number).orElseThrow(() -> new TicketNotFoundException(number));
    }
}
