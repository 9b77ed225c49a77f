package org.servicedesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.TicketScenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Audit-log entries are kept five years (servicedesk.retention.audit-log), then deleted. */
@SpringBootTest
@ActiveProfiles("test")
class AuditRetentionTest {

    @Autowired AuditLog audit;
    @Autowired AuditRetention retention;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anEntryOlderThanFiveYearsIsDeletedAYoungerOneKept() {
        AuditEntry old = audit.save(new AuditEntry(TicketScenario.now(), "sam", "UNMASK", 1L, null, "phone",
                "GET /api/customers/1?unmasked=true", null));
        TicketScenario.advance(Duration.ofDays(1826).minusDays(1));
        AuditEntry younger = audit.save(new AuditEntry(TicketScenario.now(), "sam", "UNMASK", 1L, null, "phone",
                "GET /api/customers/1?unmasked=true", null));
        retention.deleteExpired();
        assertThat(audit.findById(old.getId())).as("five years less a day").isPresent();

        TicketScenario.advance(Duration.ofDays(2));
        assertThat(retention.deleteExpired()).isPositive();
        assertThat(audit.findById(old.getId())).as("five years and a day").isEmpty();
        assertThat(audit.findById(younger.getId())).isPresent();
    }
}
