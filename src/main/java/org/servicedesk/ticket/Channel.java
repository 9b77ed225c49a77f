package org.servicedesk.ticket;

/** Where a ticket came in. */
public enum Channel {
    PHONE, WEB, EMAIL, APP, SOCIAL, STORE
}
