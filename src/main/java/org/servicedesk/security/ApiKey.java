package org.servicedesk.security;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A channel integration's key: who it logs in as, and its SHA-256 (the key itself is never stored). */
@Entity
@Table(name = "api_key")
class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String userId;

    private String label;

    private String keyHash;

    private String keyPrefix;

    private Instant createdAt;

    private String createdBy;

    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(String userId, String label, String keyHash, String keyPrefix, Instant createdAt, String createdBy) {
        this.userId = userId;
        this.label = label;
        this.keyHash = keyHash;
        this.keyPrefix = keyPrefix;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    Long getId() {
        return id;
    }

    String getUserId() {
        return userId;
    }

    String getLabel() {
        return label;
    }

    String getKeyPrefix() {
        return keyPrefix;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    boolean isActive() {
        return revokedAt == null;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }
}
