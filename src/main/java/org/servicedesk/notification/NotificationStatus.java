package org.servicedesk.notification;

public enum NotificationStatus {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** A dispatcher is handing it to the channel. */
    SENDING,
    SENT,
    /** Given up after the maximum number of attempts; {@code lastError} tells why. */
    FAILED
}
