package org.servicedesk.notification;

import java.util.List;

import org.servicedesk.system.ServiceDeskProperties;
import org.servicedesk.system.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sends pending outbox rows. A row stays pending until it was sent, so a crash loses nothing. */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private static final int BATCH = 50;

    private final NotificationRepository outbox;

    private final NotificationSender sender;

    private final TimeSource time;

    private final int maxAttempts;

    OutboxDispatcher(NotificationRepository outbox, NotificationSender sender, TimeSource time,
            ServiceDeskProperties properties) {
        this.outbox = outbox;
        this.sender = sender;
        this.time = time;
        this.maxAttempts = properties.outbox().maxAttempts();
    }

    @Scheduled(fixedDelayString = "${servicedesk.outbox.poll-interval:PT5S}")
    @Transactional
    public void dispatchPending() {
        List<Notification> pending = outbox.lockPending(PageRequest.of(0, BATCH));
        for (Notification notification : pending) {
            try {
                sender.send(notification);
                notification.sent(time.now());
            } catch (RuntimeException e) {
                log.warn("notification {} not sent (attempt {}): {}", notification.getId(),
                        notification.getAttempts() + 1, e.getClass().getSimpleName());
                notification.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), maxAttempts);
            }
        }
    }
}
