package org.servicedesk.privacy;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * The record that a customer's data was erased ({@code erasure_record}): whose (by id), when, by
 * whom, and how much was removed. No personal data.
 */
@Entity
public class ErasureRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long customerId;

    private Instant erasedAt;

    private String erasedBy;

    private int tickets;

    private int processInstances;

    /** Rows removed per table, e.g. {@code ticket=2, ticket_event=31, notification=9, …}. */
    private String deletedRows;

    protected ErasureRecord() {
    }

    ErasureRecord(Long customerId, Instant erasedAt, String erasedBy, int tickets, int processInstances,
            String deletedRows) {
        this.customerId = customerId;
        this.erasedAt = erasedAt;
        this.erasedBy = erasedBy;
        this.tickets = tickets;
        this.processInstances = processInstances;
        this.deletedRows = deletedRows;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    public String getErasedBy() {
        return erasedBy;
    }

    public int getTickets() {
        return tickets;
    }

    public int getProcessInstances() {
        return processInstances;
    }

    public String getDeletedRows() {
        return deletedRows;
    }
}
