package org.servicedesk.ticket;

/** What a customer link may do: one purpose per token. */
public enum CustomerLinkPurpose {

    /** Accept or reject the solution sent to the customer. */
    CONFIRMATION,

    /** Answer the question the desk asked the customer. */
    REPLY
}
