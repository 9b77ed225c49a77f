package org.servicedesk.notification;

public enum RecipientKind {
    /** The customer, at the address of their preferred channel. */
    CUSTOMER,
    /** Every member of a group (e.g. supervisors, a task's candidate group), in the application. */
    GROUP,
    /**
     * One staff member: by user id in the application (e.g. the assignee), or at their e-mail
     * address (the weekly report to each manager).
     */
    USER
}
