package org.servicedesk.notification;

import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** In-app notifications are delivered by being in the outbox: the inbox lists them. */
@Component
@Order(0)
class InAppSender implements NotificationSender {

    @Override
    public Set<NotificationChannel> channels() {
        return Set.of(NotificationChannel.IN_APP);
    }

    @Override
    public String send(Notification notification) {
        return null;
    }
}
