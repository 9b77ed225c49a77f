package org.servicedesk.notification;

/** Delivers one outbox row. Throws when the channel could not take it; the dispatcher retries. */
interface NotificationSender {

    void send(Notification notification);
}
