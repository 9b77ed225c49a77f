package org.servicedesk.notification;

import java.util.EnumSet;
import java.util.Set;

import org.servicedesk.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Delivers by writing a log line: the fallback for a channel that has no gateway configured
 * (no {@code spring.mail.host}, no {@code servicedesk.notification.sms.url}), so the desk runs without them.
 * The line names the channel, the recipient masked, the template and the subject masked; never the body.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class LoggingNotificationSender implements NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.class);

    @Override
    public Set<NotificationChannel> channels() {
        return EnumSet.allOf(NotificationChannel.class);
    }

    @Override
    public String send(Notification notification) {
        log.info("{} to {} {} [{}]: {}", notification.getChannel(), notification.getRecipientKind(),
                Masking.address(notification.getRecipient()), notification.getTemplate(),
                Masking.text(notification.getSubject()));
        return null;
    }
}
