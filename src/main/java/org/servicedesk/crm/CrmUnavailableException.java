package org.servicedesk.crm;

/**
 * The CRM did not answer a lookup. The message becomes the incident message in Cockpit, so it
 * names the failure only (status, timeout, connection), never the contact or the URL; for the
 * same reason the underlying exception, whose message may carry the URL with a phone number, is
 * not kept as the cause.
 */
public class CrmUnavailableException extends RuntimeException {

    CrmUnavailableException(String reason) {
        super("CRM lookup failed: " + reason + " from crm");
    }
}
