package org.servicedesk.ticket;

import java.util.ArrayList;
import java.util.List;

import org.servicedesk.privacy.UnmaskedReads;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tickets/{number}?unmasked=true[&reason=…]}: the ticket with the customer's name,
 * phone, e-mail, order number and texts unmasked, for supervisors and administrators
 * ({@link UnmaskedReads#ROLES}); everyone else gets 403. Every such read is written to the audit log.
 * Without {@code unmasked=true} the request goes to {@link TicketController}, masked.
 */
@RestController
class UnmaskedTicketController {

    private final TicketLookup tickets;

    private final Timeline timeline;

    private final SurveyResults surveys;

    private final ServiceLevels serviceLevels;

    private final UnmaskedReads reads;

    UnmaskedTicketController(TicketLookup tickets, Timeline timeline, SurveyResults surveys,
            ServiceLevels serviceLevels, UnmaskedReads reads) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.surveys = surveys;
        this.serviceLevels = serviceLevels;
        this.reads = reads;
    }

    @GetMapping(path = "/api/tickets/{number}", params = "unmasked=true")
    TicketView get(@PathVariable String number, @RequestParam(required = false) String reason,
            Authentication caller) {
        reads.check(caller);
        Ticket ticket = tickets.byNumber(number);
        reads.record(caller, ticket.getCustomerId(), ticket.getNumber(), fields(ticket),
                "GET /api/tickets/" + ticket.getNumber() + "?unmasked=true", reason);
        return TicketView.unmasked(ticket, timeline.of(ticket.getId()), serviceLevels.of(ticket.getId()),
                serviceLevels.dueDates(ticket.getId()), surveys.of(ticket.getId()).orElse(null));
    }

    /** The personal fields this answer shows unmasked. */
    private static List<String> fields(Ticket ticket) {
        List<String> fields = new ArrayList<>();
        if (ticket.getContactName() != null) {
            fields.add("name");
        }
        if (ticket.getContactPhone() != null) {
            fields.add("phone");
        }
        if (ticket.getContactEmail() != null) {
            fields.add("email");
        }
        if (ticket.getOrderNumber() != null) {
            fields.add("orderNumber");
        }
        fields.add("texts");
        return fields;
    }
}
