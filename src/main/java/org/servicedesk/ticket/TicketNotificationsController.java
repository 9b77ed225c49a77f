package org.servicedesk.ticket;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Pattern;

import org.servicedesk.notification.NotificationChannel;
import org.servicedesk.notification.NotificationRepository;
import org.servicedesk.notification.NotificationStatus;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.notification.RecipientKind;
import org.servicedesk.privacy.Masking;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What was sent about a ticket and to whom (masked). Not the links a message carried: their tokens
 * are the customer's credentials, so they stay in the outbox row that sends them.
 */
@RestController
class TicketNotificationsController {

    private final TicketLookup tickets;

    private final NotificationRepository outbox;

    TicketNotificationsController(TicketLookup tickets, NotificationRepository outbox) {
        this.tickets = tickets;
        this.outbox = outbox;
    }

    record SentNotification(NotificationTemplate template, NotificationChannel channel, RecipientKind recipientKind,
            String recipient, String subject, boolean withLink, NotificationStatus status, Instant createdAt,
            Instant sentAt, int attempts, String lastError, Instant nextAttemptAt, String messageId) {
    }

    @GetMapping("/api/tickets/{number}/notifications")
    List<SentNotification> list(@PathVariable @Pattern(regexp = "CG\\d{11,18}",
            message = "must be a ticket number such as CG20261123001") String number) {
        Long ticketId = tickets.byNumber(number).getId();
        return outbox.findByTicketIdOrderByIdAsc(ticketId).stream()
                .map(n -> new SentNotification(n.getTemplate(), n.getChannel(), n.getRecipientKind(),
                        Masking.address(n.getRecipient()), n.getSubject(), n.getLink() != null, n.getStatus(),
                        n.getCreatedAt(), n.getSentAt(), n.getAttempts(), n.getLastError(),
                        n.getStatus() == NotificationStatus.PENDING ? n.getNextAttemptAt() : null, n.getMessageId()))
                .toList();
    }
}
