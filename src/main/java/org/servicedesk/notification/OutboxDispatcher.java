package org.servicedesk.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.servicedesk.system.ServiceDeskProperties;
import org.servicedesk.system.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox rows. Each row is first marked SENDING in a short transaction of its own,
 * then handed to its channel, then marked SENT (with the channel's reference) or, after a
 * failure, PENDING again with a back-off, FAILED after the last attempt.
 * <p>
 * Delivery is at least once: a dispatcher that dies after the channel took a row but before it
 * recorded SENT leaves the row SENDING; after {@code sending-timeout} it is sent again, with the
 * same Message-ID, so that a duplicate can be recognised. A row is never lost.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final NotificationRepository outbox;

    private final Map<NotificationChannel, NotificationSender> senders = new EnumMap<>(NotificationChannel.class);

    private final TimeSource time;

    private final TransactionTemplate transaction;

    private final ServiceDeskProperties.Outbox settings;

    /** Senders in their order: for each channel, the first that has it (a gateway before the log). */
    OutboxDispatcher(NotificationRepository outbox, List<NotificationSender> senders, TimeSource time,
            ServiceDeskProperties properties, PlatformTransactionManager transactionManager) {
        this.outbox = outbox;
        this.time = time;
        this.settings = properties.outbox();
        this.transaction = new TransactionTemplate(transactionManager);
        for (NotificationChannel channel : NotificationChannel.values()) {
            senders.stream().filter(s -> s.channels().contains(channel)).findFirst()
                    .ifPresent(s -> this.senders.put(channel, s));
            log.info("notifications by {} go to {}", channel, this.senders.get(channel).getClass().getSimpleName());
        }
    }

    @Scheduled(fixedDelayString = "${servicedesk.outbox.poll-interval:PT5S}",
            initialDelayString = "${servicedesk.outbox.poll-interval:PT5S}")
    public void dispatchPending() {
        for (Long id : take()) {
            deliver(id);
        }
    }

    /** Locks the due rows (skipping those another node holds) and marks them SENDING. */
    private List<Long> take() {
        return transaction.execute(status -> {
            Instant now = time.now();
            List<Notification> due = outbox.lockDue(now, now.minus(settings.sendingTimeout()),
                    PageRequest.of(0, settings.batchSize()));
            due.forEach(n -> n.sending(now));
            return due.stream().map(Notification::getId).toList();
        });
    }

    private void deliver(Long id) {
        Notification notification = outbox.findById(id).orElseThrow();
        String reference;
        try {
            reference = senders.get(notification.getChannel()).send(notification);
        } catch (RuntimeException e) {
            String error = ErrorText.of(e);
            log.warn("notification {} not sent (attempt {}): {}", id, notification.getAttempts() + 1, error);
            transaction.executeWithoutResult(status -> outbox.findById(id).orElseThrow()
                    .failed(error, settings.maxAttempts(), time.now().plus(backoff(notification.getAttempts() + 1))));
            return;
        }
        transaction.executeWithoutResult(status -> outbox.findById(id).orElseThrow().sent(time.now(), reference));
    }

    /** Initial back-off, doubled after each further failure, at most the maximum. */
    Duration backoff(int failedAttempts) {
        Duration delay = settings.initialBackoff();
        for (int i = 1; i < failedAttempts && delay.compareTo(settings.maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }
}
