package org.servicedesk.ticket;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.servicedesk.privacy.Encrypted;

/**
 * One line of a ticket's timeline: when, who, what (template B's step-by-step log). Details that
 * people typed (the customer's replies and comments, the desk's questions and replies, solutions,
 * fix plans, review and SLA comments, the follow-up) may carry contact data: they are stored
 * encrypted, in {@code private_detail}. The details the system writes, and escalation reasons,
 * which the weekly report counts in SQL, stay in {@code detail}.
 */
@Entity
public class TicketEvent {

    /** Actions whose detail is text someone typed. */
    static final Set<TicketAction> PRIVATE = EnumSet.of(TicketAction.CUSTOMER_CONFIRMED,
            TicketAction.CUSTOMER_REJECTED, TicketAction.CUSTOMER_REPLIED, TicketAction.AGENT_REPLIED,
            TicketAction.INFORMATION_REQUESTED, TicketAction.FOLLOWED_UP, TicketAction.RESOLVED,
            TicketAction.FIX_PLANNED, TicketAction.REVIEW_APPROVED, TicketAction.REVIEW_REJECTED,
            TicketAction.SLA_BREACH_HANDLED, TicketAction.REASSIGNED, TicketAction.PRIORITY_CHANGED);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_event_id")
    @SequenceGenerator(name = "ticket_event_id", sequenceName = "ticket_event_id_seq", allocationSize = 50)
    private Long id;

    private Long ticketId;

    private Instant occurredAt;

    private String actor;

    private String action;

    private String detail;

    @Encrypted
    private String privateDetail;

    protected TicketEvent() {
    }

    TicketEvent(Long ticketId, Instant occurredAt, String actor, String action, String detail) {
        this.ticketId = ticketId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        if (PRIVATE.contains(TicketAction.valueOf(action))) {
            this.privateDetail = detail;
        } else {
            this.detail = detail;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getTicketId() {
        return ticketId;
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

    public String getDetail() {
        return detail != null ? detail : privateDetail;
    }
}
