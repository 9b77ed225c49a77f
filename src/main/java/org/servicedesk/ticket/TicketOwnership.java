package org.servicedesk.ticket;

/**
 * Says whether a process instance whose business key is not a ticket number works on a ticket:
 * a feature whose process looks at tickets (the weekly quality inspection, for one) vouches for
 * the tickets it sampled, from its own table. See {@link TicketLookup#of}.
 */
public interface TicketOwnership {

    boolean works(String processInstanceId, Long ticketId);
}
