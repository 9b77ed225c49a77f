package org.servicedesk.crm;

/**
 * The CRM the desk looks customers up in, chosen by {@code servicedesk.crm.type}: {@code built-in}
 * (our customer table, the default) or {@code http} (an external CRM over HTTP/JSON, see
 * {@link HttpCrm}). Either way the answer is a row of our customer table, so tickets link to
 * our customer id.
 */
public interface CrmDirectory {

    /**
     * The customer this contact belongs to, matched by customer id, then phone, then e-mail; an
     * unknown customer is created as {@link CustomerTier#STANDARD}.
     *
     * @throws CrmUnavailableException when the CRM cannot answer; its message names no personal data
     */
    Customer findOrCreate(Contact contact);

    /** What the desk knows about a person who contacted it; {@code customerId} is our customer id. */
    record Contact(Long customerId, String name, String phone, String email) {
    }
}
