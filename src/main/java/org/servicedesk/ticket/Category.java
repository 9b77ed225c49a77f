package org.servicedesk.ticket;

/** Problem type of template A. */
public enum Category {
    INQUIRY, COMPLAINT, REPAIR, TECHNICAL_FAULT, CUSTOM_REQUEST
}
