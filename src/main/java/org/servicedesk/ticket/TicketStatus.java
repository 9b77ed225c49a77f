package org.servicedesk.ticket;

/** Where a ticket stands, as shown to agents and in the API. */
public enum TicketStatus {
    /** Received; the customer lookup and routing have not finished yet. */
    NEW,
    /** Waiting in a tier's queue, nobody has claimed it. */
    UNASSIGNED,
    /** An agent or engineer works on it. */
    IN_PROGRESS,
    /** Waiting for the customer to answer a question; the resolution clock is paused. */
    AWAITING_CUSTOMER,
    /** A supervisor reviews the proposed solution. */
    IN_REVIEW,
    /** The solution was sent; waiting for the customer to confirm or reject it. */
    PENDING_CONFIRMATION,
    CLOSED
}
