package org.servicedesk.ticket;

/**
 * Something happened to a ticket that the service-level clocks care about. Published as a
 * Spring event inside the transaction of the step that caused it.
 */
public record TicketMilestone(Long ticketId, Kind kind) {

    public enum Kind {
        /** The customer saw the first message from us (a reply, a question, a solution). */
        FIRST_RESPONSE,
        /** An agent claimed the tier-1 task. */
        CLAIMED_AT_TIER1,
        /** Tier 2 answered (resolved, escalated or asked the customer). */
        TIER2_ANSWERED,
        /** The solution went to the customer. */
        SOLUTION_SENT,
        /** The customer rejected the solution; the ticket is open again. */
        REOPENED,
        /** The ticket closed: every clock still running stops. */
        CLOSED
    }
}
