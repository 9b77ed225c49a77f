package org.servicedesk.notification;

import java.time.Instant;
import java.util.List;

import org.servicedesk.security.Masking;
import org.servicedesk.ticket.TicketLookup;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What was sent about a ticket, to whom (masked), and the links it carried. */
@RestController
class TicketNotificationsController {

    private final TicketLookup tickets;

    private final NotificationRepository outbox;

    TicketNotificationsController(TicketLookup tickets, NotificationRepository outbox) {
        this.tickets = tickets;
        this.outbox = outbox;
    }

    record SentNotification(NotificationTemplate template, NotificationChannel channel, RecipientKind recipientKind,
            String recipient, String subject, String link, NotificationStatus status, Instant createdAt,
            Instant sentAt, int attempts, String lastError, Instant nextAttemptAt, String messageId) {
    }

    @GetMapping("/api/tickets/{number}/notifications")
    List<SentNotification> list(@PathVariable String number) {
        Long ticketId = tickets.byNumber(number).getId();
        return outbox.findByTicketIdOrderByIdAsc(ticketId).stream()
                .map(n -> new SentNotification(n.getTemplate(), n.getChannel(), n.getRecipientKind(),
                        Masking.address(n.getRecipient()), n.getSubject(), n.getLink(), n.getStatus(),
                        n.getCreatedAt(), n.getSentAt(), n.getAttempts(), n.getLastError(),
                        n.getStatus() == NotificationStatus.PENDING ? n.getNextAttemptAt() : null, n.getMessageId()))
                .toList();
    }
}
