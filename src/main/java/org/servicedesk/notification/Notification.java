package org.servicedesk.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.servicedesk.privacy.Encrypted;
import org.servicedesk.privacy.Masking;

/**
 * A row of the outbox: written in the same transaction as the step that causes it, sent later.
 * Subject and body are stored encrypted. A customer's address is stored encrypted in
 * {@code recipient_address}, and masked in {@code recipient}; staff recipients (user and group ids)
 * stay readable in {@code recipient}, for the inbox query.
 */
@Entity
public class Notification {

    /** The text of a message whose content has been removed after its retention. */
    static final String REMOVED = "(removed after the retention period)";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_id")
    @SequenceGenerator(name = "notification_id", sequenceName = "notification_id_seq", allocationSize = 50)
    private Long id;

    private Long ticketId;

    /** Unique per ticket, step and template: the same step cannot queue the same message twice. */
    private String dedupeKey;

    @Enumerated(EnumType.STRING)
    private RecipientKind recipientKind;

    /** A user or group id; for a customer their address, masked. */
    private String recipient;

    /** The customer's e-mail address or phone number; null for staff. */
    @Encrypted
    private String recipientAddress;

    @Enumerated(EnumType.STRING)
    private NotificationChannel channel;

    @Enumerated(EnumType.STRING)
    private NotificationTemplate template;

    @Encrypted
    private String subject;

    @Encrypted
    private String body;

    private String link;

    @Enumerated(EnumType.STRING)
    private NotificationStatus status;

    private int attempts;

    private String lastError;

    private Instant createdAt;

    private Instant sentAt;

    private Instant contentRemovedAt;

    /** Not before this time is the row (re)tried: the back-off after a failed attempt. */
    private Instant nextAttemptAt;

    /** Set while a dispatcher sends the row; a row left SENDING by a crash is taken up again later. */
    private Instant sendingSince;

    /** The channel's reference of the sent message: the e-mail's Message-ID, the SMS gateway's id. */
    private String messageId;

    protected Notification() {
    }

    Notification(Long ticketId, String dedupeKey, RecipientKind recipientKind, String recipient,
            NotificationChannel channel, NotificationTemplate template, String subject, String body, String link,
            Instant createdAt) {
        this.ticketId = ticketId;
        this.dedupeKey = dedupeKey;
        this.recipientKind = recipientKind;
        if (recipientKind == RecipientKind.CUSTOMER) {
            this.recipient = Masking.address(recipient);
            this.recipientAddress = recipient;
        } else {
            this.recipient = recipient;
        }
        this.channel = channel;
        this.template = template;
        this.subject = subject;
        this.body = body;
        this.link = link;
        this.status = NotificationStatus.PENDING;
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
    }

    /** Taken by a dispatcher; committed before the channel is called. */
    void sending(Instant at) {
        status = NotificationStatus.SENDING;
        sendingSince = at;
    }

    void sent(Instant at, String reference) {
        status = NotificationStatus.SENT;
        sentAt = at;
        sendingSince = null;
        messageId = reference;
        attempts++;
        lastError = null;
    }

    /**
     * Past its retention: the text and the link (with its token) go, the row stays as the record that
     * the message was sent, to whom and when.
     */
    void removeContent(Instant at) {
        body = REMOVED;
        link = null;
        contentRemovedAt = at;
    }

    /** A failed attempt: tried again at {@code retryAt}, or given up after {@code maxAttempts}. */
    void failed(String error, int maxAttempts, Instant retryAt) {
        attempts++;
        sendingSince = null;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        if (attempts >= maxAttempts) {
            status = NotificationStatus.FAILED;
        } else {
            status = NotificationStatus.PENDING;
            nextAttemptAt = retryAt;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public String getDedupeKey() {
        return dedupeKey;
    }

    public RecipientKind getRecipientKind() {
        return recipientKind;
    }

    /** Where the message goes: the customer's address, or the user or group id. */
    public String getRecipient() {
        return recipientKind == RecipientKind.CUSTOMER ? recipientAddress : recipient;
    }

    public NotificationChannel getChannel() {
        return channel;
    }

    public NotificationTemplate getTemplate() {
        return template;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getLink() {
        return link;
    }

    public NotificationStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getSendingSince() {
        return sendingSince;
    }

    public String getMessageId() {
        return messageId;
    }

    public Instant getContentRemovedAt() {
        return contentRemovedAt;
    }
}
