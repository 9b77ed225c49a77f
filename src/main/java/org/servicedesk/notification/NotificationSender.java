package org.servicedesk.notification;

import java.util.Set;

/**
 * Delivers outbox rows of its channels. Throws when the channel could not take a row; the
 * dispatcher retries it later. Returns the channel's reference of the message, if it has one.
 */
interface NotificationSender {

    Set<NotificationChannel> channels();

    String send(Notification notification);

    /** The stable Message-ID of a row: a second delivery of the same row carries the same one. */
    static String messageId(Notification notification, String domain) {
        return "<outbox-" + notification.getId() + "@" + domain + ">";
    }
}
