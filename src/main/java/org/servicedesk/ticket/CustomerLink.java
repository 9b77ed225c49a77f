package org.servicedesk.ticket;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A link sent to a customer: the SHA-256 of its token (never the token), the ticket and the one
 * thing it may do, until it expires or is used.
 */
@Entity
public class CustomerLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String tokenHash;

    private Long ticketId;

    @Enumerated(EnumType.STRING)
    private CustomerLinkPurpose purpose;

    private Instant createdAt;

    private Instant expiresAt;

    private Instant usedAt;

    protected CustomerLink() {
    }

    CustomerLink(String tokenHash, Long ticketId, CustomerLinkPurpose purpose, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.ticketId = ticketId;
        this.purpose = purpose;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long getId() {
        return id;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public CustomerLinkPurpose getPurpose() {
        return purpose;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
