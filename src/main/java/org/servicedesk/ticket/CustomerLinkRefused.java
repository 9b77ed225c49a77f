package org.servicedesk.ticket;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A customer link that cannot be used. The answer never says whether a ticket exists: an
 * unknown token, a token of another purpose and a malformed one are all "not found".
 */
public class CustomerLinkRefused extends ErrorResponseException {

    private CustomerLinkRefused(HttpStatus status, String title, String detail) {
        super(status);
        getBody().setTitle(title);
        getBody().setDetail(detail);
    }

    public static CustomerLinkRefused notFound() {
        return new CustomerLinkRefused(HttpStatus.NOT_FOUND, "Link not found", "This link is not valid.");
    }

    static CustomerLinkRefused expired() {
        return new CustomerLinkRefused(HttpStatus.GONE, "Link expired",
                "This link has expired. If you still need help, please contact us.");
    }

    static CustomerLinkRefused used() {
        return new CustomerLinkRefused(HttpStatus.GONE, "Link already used",
                "This link was used already; thank you for your answer.");
    }

    static CustomerLinkRefused notWaiting() {
        return new CustomerLinkRefused(HttpStatus.CONFLICT, "Not waiting for this answer",
                "Your request is not waiting for this answer any more. If you still need help, please contact us.");
    }
}
