package org.servicedesk.notification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code servicedesk_outbox_backlog}: messages not yet delivered, by status (PENDING, SENDING), and
 * {@code servicedesk_outbox_failed}: messages given up on. Read from the outbox table at each scrape.
 */
@Component
class OutboxMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    OutboxMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (NotificationStatus status : new NotificationStatus[] { NotificationStatus.PENDING,
                NotificationStatus.SENDING }) {
            Gauge.builder("servicedesk.outbox.backlog", () -> count(status))
                    .description("Notifications waiting to be delivered").tag("status", status.name())
                    .register(registry);
        }
        Gauge.builder("servicedesk.outbox.failed", () -> count(NotificationStatus.FAILED))
                .description("Notifications given up on after their attempts").register(registry);
    }

    private long count(NotificationStatus status) {
        return jdbc.queryForObject("select count(*) from notification where status = ?", Long.class, status.name());
    }
}
