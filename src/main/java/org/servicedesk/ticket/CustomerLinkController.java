package org.servicedesk.ticket;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's answers through the links in their messages, for channels that show the link
 * in their own app: the token is the only credential, it does one thing, once. The answer says
 * no more than the customer knows from the message: the ticket's number and its new status.
 */
@RestController
class CustomerLinkController {

    private final CustomerLinks links;

    CustomerLinkController(CustomerLinks links) {
        this.links = links;
    }

    record Answered(String ticketNumber, TicketStatus status) {

        static Answered of(Ticket ticket) {
            return new Answered(ticket.getNumber(), ticket.getStatus());
        }
    }

    @PostMapping("/api/confirmations/{token}")
    Answered confirm(@PathVariable String token, @Valid @RequestBody Confirmation confirmation) {
        return Answered.of(links.confirm(token, confirmation));
    }

    @PostMapping("/api/replies/{token}")
    Answered reply(@PathVariable String token, @Valid @RequestBody CustomerReply reply) {
        return Answered.of(links.reply(token, reply.message()));
    }
}
