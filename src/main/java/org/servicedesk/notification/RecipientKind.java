package org.servicedesk.notification;

public enum RecipientKind {
    /** The customer, at the address of their preferred channel. */
    CUSTOMER,
    /** Every member of a group (e.g. supervisors), in the application. */
    GROUP
}
