package org.servicedesk.notification;

import org.servicedesk.security.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Delivers by writing a log line (real e-mail and SMS come with their own gateways). */
@Component
class LoggingNotificationSender implements NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.class);

    @Override
    public void send(Notification notification) {
        log.info("{} to {} {} [{}]: {}", notification.getChannel(), notification.getRecipientKind(),
                Masking.address(notification.getRecipient()), notification.getTemplate(), notification.getSubject());
    }
}
