package org.servicedesk.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.servicedesk.system.ServiceDeskProperties;
import org.servicedesk.system.TimeSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The single-purpose tokens of the links in customers' messages. A token is 256 random bits
 * (SecureRandom, URL-safe Base64, 43 characters); only its SHA-256 is stored. It opens one thing
 * (confirm or reject one sent solution, or answer one question), once, until it expires
 * (after the time the desk waits for that answer). A newer link of the same purpose ends the older
 * ones; an answer the desk records for the customer ends them too. The ticket number alone opens
 * nothing.
 */
@Service
public class CustomerLinks {

    /** 32 bytes in URL-safe Base64 without padding. */
    public static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CustomerLinkRepository links;

    private final TicketRepository tickets;

    private final CustomerConfirmations confirmations;

    private final Conversations conversations;

    private final TimeSource time;

    private final String confirmationValidity;

    private final String replyValidity;

    CustomerLinks(CustomerLinkRepository links, TicketRepository tickets, CustomerConfirmations confirmations,
            Conversations conversations, TimeSource time, ServiceDeskProperties properties) {
        this.links = links;
        this.tickets = tickets;
        this.confirmations = confirmations;
        this.conversations = conversations;
        this.time = time;
        this.confirmationValidity = properties.confirmationTimeout();
        this.replyValidity = properties.customerReplyTimeout();
    }

    /** A new token for the ticket's next message of this purpose; earlier open links of that purpose end. */
    @Transactional
    public String issue(Ticket ticket, CustomerLinkPurpose purpose) {
        Instant now = time.now();
        links.expireOpen(ticket.getId(), purpose, now);
        String token = newToken();
        String validity = purpose == CustomerLinkPurpose.CONFIRMATION ? confirmationValidity : replyValidity;
        links.save(new CustomerLink(hash(token), ticket.getId(), purpose, now, plus(now, validity)));
        return token;
    }

    /** The ticket a link may act on now, without using the link (opening a page changes nothing). */
    @Transactional(readOnly = true)
    public Ticket open(String token, CustomerLinkPurpose purpose) {
        return tickets.findById(usable(token, purpose).getTicketId()).orElseThrow(CustomerLinkRefused::notFound);
    }

    /** The customer accepts or rejects the solution; the link is used. */
    @Transactional
    public Ticket confirm(String token, Confirmation confirmation) {
        Ticket ticket = use(token, CustomerLinkPurpose.CONFIRMATION);
        if (ticket.getStatus() != TicketStatus.PENDING_CONFIRMATION) {
            throw CustomerLinkRefused.notWaiting();
        }
        try {
            return confirmations.answer(ticket.getNumber(), confirmation);
        } catch (TicketStateConflictException e) {
            throw CustomerLinkRefused.notWaiting();
        }
    }

    /** The customer answers the desk's question; the link is used. */
    @Transactional
    public Ticket reply(String token, String message) {
        Ticket ticket = use(token, CustomerLinkPurpose.REPLY);
        if (ticket.getStatus() != TicketStatus.AWAITING_CUSTOMER) {
            throw CustomerLinkRefused.notWaiting();
        }
        try {
            return conversations.customerReply(ticket.getNumber(), new Message(message, null));
        } catch (TicketStateConflictException e) {
            throw CustomerLinkRefused.notWaiting();
        }
    }

    private Ticket use(String token, CustomerLinkPurpose purpose) {
        CustomerLink link = usable(token, purpose);
        if (links.use(link.getId(), time.now()) != 1) {
            throw CustomerLinkRefused.used(); // another request used it a moment ago
        }
        return tickets.findById(link.getTicketId()).orElseThrow(CustomerLinkRefused::notFound);
    }

    private CustomerLink usable(String token, CustomerLinkPurpose purpose) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw CustomerLinkRefused.notFound();
        }
        CustomerLink link = links.findByTokenHash(hash(token)).filter(l -> l.getPurpose() == purpose)
                .orElseThrow(CustomerLinkRefused::notFound);
        if (link.getUsedAt() != null) {
            throw CustomerLinkRefused.used();
        }
        if (link.expiredAt(time.now())) {
            throw CustomerLinkRefused.expired();
        }
        return link;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** An ISO-8601 duration as the BPMN timers read it (P3D, PT12H, P1M, ...) after {@code from}. */
    static Instant plus(Instant from, String duration) {
        try {
            Date date = Date.from(from);
            DatatypeFactory.newInstance().newDuration(duration).addTo(date);
            return date.toInstant();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
