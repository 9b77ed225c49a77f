package org.servicedesk.ticket;

public enum CloseReason {
    /** The customer confirmed the solution. */
    CONFIRMED,
    /** The customer did not answer within the confirmation timeout. */
    CONFIRMATION_TIMEOUT,
    /** The customer never answered a question the desk asked. */
    NO_CUSTOMER_REPLY
}
