package org.servicedesk.notification;

/**
 * What a notification needs of the ticket it is about: the ticket module's entity is one. The
 * customer reads their own words ({@link #getSubject()}); staff get {@link #maskedSubject()}.
 */
public interface NotifiedTicket {

    Long getId();

    String getNumber();

    /** The customer in the CRM, if known: their preferred channel and language. */
    Long getCustomerId();

    /** The contact data given with the ticket, used when the CRM knows no address. */
    String getContactEmail();

    String getContactPhone();

    String getSubject();

    /** The subject with the ticket's contact data masked, for staff. */
    String maskedSubject();
}
