package org.servicedesk.privacy;

import java.sql.Timestamp;
import java.time.Duration;

import org.servicedesk.system.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nightly, entries of the audit log (who saw which unmasked personal data, when) older than
 * {@code servicedesk.retention.audit-log} (P1826D, five years) are deleted.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final JdbcTemplate jdbc;

    private final TimeSource time;

    private final Duration keepFor;

    AuditRetention(JdbcTemplate jdbc, TimeSource time,
            @Value("${servicedesk.retention.audit-log:P1826D}") Duration keepFor) {
        this.jdbc = jdbc;
        this.time = time;
        this.keepFor = keepFor;
    }

    @Scheduled(cron = "${servicedesk.retention.cron:0 30 0 * * *}", zone = "${servicedesk.zone}")
    void nightly() {
        int deleted = deleteExpired();
        if (deleted > 0) {
            log.info("{} audit log entries older than {} deleted", deleted, keepFor);
        }
    }

    int deleteExpired() {
        return jdbc.update("delete from audit_log where occurred_at < ?", Timestamp.from(time.now().minus(keepFor)));
    }
}
