package org.servicedesk.ticket;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tickets for staff and channel integrations. The customer's own answers come through their
 * links ({@link CustomerLinkController}); the number-keyed confirmation and customer-reply here are
 * for agents who record an answer the customer gave them (by phone, in a store).
 */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

    /** {@code CG} + yyyyMMdd + the day's sequence (at least three digits); the column holds 20 characters. */
    static final String NUMBER = "CG\\d{11,18}";

    static final String NUMBER_MESSAGE = "must be a ticket number such as CG20261123001";

    private final TicketIntake intake;

    private final TicketLookup tickets;

    private final Timeline timeline;

    private final SurveyResults surveys;

    private final CustomerConfirmations confirmations;

    private final Conversations conversations;

    private final ServiceLevels serviceLevels;

    private final IdempotentRequests requests;

    TicketController(TicketIntake intake, TicketLookup tickets, Timeline timeline, SurveyResults surveys,
            CustomerConfirmations confirmations, Conversations conversations, ServiceLevels serviceLevels,
            IdempotentRequests requests) {
        this.requests = requests;
        this.conversations = conversations;
        this.serviceLevels = serviceLevels;
        this.intake = intake;
        this.tickets = tickets;
        this.timeline = timeline;
        this.surveys = surveys;
        this.confirmations = confirmations;
    }

    record Created(String number, TicketStatus status, Instant responseDueAt, Instant resolutionDueAt) {
    }

    /**
     * A new ticket. With an {@value IdempotentRequests#HEADER} header, sending the same request again
     * (after a time-out, say) answers with the ticket the first one made instead of making another.
     */
    @PostMapping
    ResponseEntity<Created> create(@Valid @RequestBody NewTicket request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            Principal caller) {
        IdempotentRequests.Key key = requests.of(idempotencyKey, caller, "POST", "/api/tickets", request);
        Optional<String> earlier = key == null ? Optional.empty() : requests.earlier(key);
        TicketIntake.Received received = earlier.map(intake::answerFor)
                .orElseGet(() -> requests.firstOrEarlier(key, () -> intake.receive(request, key), intake::answerFor));
        String number = received.ticket().getNumber();
        return ResponseEntity.created(URI.create("/api/tickets/" + number)).body(new Created(number,
                received.ticket().getStatus(), received.due().response(), received.due().resolution()));
    }

    @GetMapping("/{number}")
    TicketView get(@PathVariable @Pattern(regexp = NUMBER, message = NUMBER_MESSAGE) String number) {
        Ticket ticket = tickets.byNumber(number);
        return TicketView.of(ticket, timeline.of(ticket.getId()), serviceLevels.of(ticket.getId()),
                serviceLevels.dueDates(ticket.getId()), surveys.of(ticket.getId()).orElse(null));
    }

    @PostMapping("/{number}/confirmation")
    TicketView confirm(@PathVariable @Pattern(regexp = NUMBER, message = NUMBER_MESSAGE) String number,
            @Valid @RequestBody Confirmation confirmation,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            Principal caller) {
        requests.once(requests.of(idempotencyKey, caller, "POST", "/api/tickets/" + number + "/confirmation",
                confirmation), number, () -> confirmations.answer(number, confirmation));
        return get(number);
    }

    /** An agent's message to the customer; with an {@value IdempotentRequests#HEADER}, sent once however often it is posted. */
    @PostMapping("/{number}/replies")
    TicketView reply(@PathVariable @Pattern(regexp = NUMBER, message = NUMBER_MESSAGE) String number,
            @Valid @RequestBody Message reply,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            Principal caller) {
        requests.once(requests.of(idempotencyKey, caller, "POST", "/api/tickets/" + number + "/replies", reply),
                number, () -> conversations.agentReply(number, reply));
        return get(number);
    }

    @PostMapping("/{number}/customer-reply")
    TicketView customerReply(@PathVariable @Pattern(regexp = NUMBER, message = NUMBER_MESSAGE) String number,
            @Valid @RequestBody CustomerReply reply) {
        conversations.customerReply(number, new Message(reply.message(), null));
        return get(number);
    }
}
