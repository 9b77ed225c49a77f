package org.servicedesk.privacy;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A line of the audit log ({@code audit_log}): who read which customer's or ticket's personal data
 * unmasked, when, which fields, through which endpoint and why. It names the data by ids only,
 * never by value, and outlives an erasure of the customer.
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    public static final String UNMASKED_READ = "UNMASKED_READ";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant occurredAt;

    private String actor;

    private String action;

    private Long customerId;

    private String ticketNumber;

    /** Comma-separated: name, phone, email, orderNumber, texts. */
    private String fields;

    /** Method and path, e.g. {@code GET /api/tickets/CG20261123001}. */
    private String endpoint;

    /** The reason the reader gave ({@code ?reason=…}), masked; may be null. */
    private String reason;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String actor, String action, Long customerId, String ticketNumber, String fields,
            String endpoint, String reason) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.customerId = customerId;
        this.ticketNumber = ticketNumber;
        this.fields = fields;
        this.endpoint = endpoint;
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getTicketNumber() {
        return ticketNumber;
    }

    public String getFields() {
        return fields;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public String getReason() {
        return reason;
    }
}
