package org.servicedesk.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.servicedesk.system.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nightly, the text and the link of messages delivered (or given up on) longer ago than
 * {@code servicedesk.retention.message-content} (P90D) are removed: the customer's copy is in their
 * mailbox, and the links' tokens have long expired. The row stays (who, which template, when, the
 * delivery's outcome). In pages of 500, each its own transaction; several nodes doing it at once
 * do the same thing twice, which changes nothing.
 */
@Component
class MessageRetention {

    private static final Logger log = LoggerFactory.getLogger(MessageRetention.class);

    private static final int PAGE = 500;

    private final NotificationRepository notifications;

    private final TimeSource time;

    private final Duration keepContentFor;

    private final TransactionTemplate transaction;

    MessageRetention(NotificationRepository notifications, TimeSource time,
            @Value("${servicedesk.retention.message-content:P90D}") Duration keepContentFor,
            PlatformTransactionManager transactionManager) {
        this.notifications = notifications;
        this.time = time;
        this.keepContentFor = keepContentFor;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Scheduled(cron = "${servicedesk.retention.cron:0 30 0 * * *}", zone = "${servicedesk.zone}")
    void nightly() {
        int removed = removeExpiredContent();
        if (removed > 0) {
            log.info("content of {} messages removed after {}", removed, keepContentFor);
        }
    }

    /** The number of messages whose content was removed. */
    int removeExpiredContent() {
        Instant now = time.now();
        Instant before = now.minus(keepContentFor);
        int removed = 0;
        int page;
        do {
            page = transaction.execute(status -> {
                List<Notification> expired = notifications.pastRetention(before, PageRequest.of(0, PAGE));
                expired.forEach(n -> n.removeContent(now));
                return expired.size();
            });
            removed += page;
        } while (page == PAGE);
        return removed;
    }
}
