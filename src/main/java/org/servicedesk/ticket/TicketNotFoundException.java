package org.servicedesk.ticket;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 404 for an unknown ticket number. */
public class TicketNotFoundException extends ErrorResponseException {

    public TicketNotFoundException(String number) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Ticket not found");
        getBody().setDetail("There is no ticket " + number + ".");
        getBody().setProperty("ticketNumber", number);
    }
}
