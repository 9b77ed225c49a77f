package org.servicedesk.ticket;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 409: the ticket is not in a state that allows the request. */
public class TicketStateConflictException extends ErrorResponseException {

    public TicketStateConflictException(String number, TicketStatus status, String expected) {
        super(HttpStatus.CONFLICT);
        getBody().setTitle("Ticket is " + status);
        getBody().setDetail("Ticket " + number + " is " + status + "; " + expected + ".");
        getBody().setProperty("ticketNumber", number);
        getBody().setProperty("status", status.name());
    }
}
