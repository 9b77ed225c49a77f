package org.servicedesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.servicedesk.reporting.ReportWeek;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The sampling query on PostgreSQL: the tickets closed in the week, every dissatisfied one, the
 * share rounded up, a week sampled once. A random week of the past, so that a database that is
 * not recreated between runs does not matter.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "it" })
class QualitySamplerIT {

    @Autowired QualitySampler sampler;
    @Autowired InspectionRepository inspections;
    @Autowired JdbcTemplate jdbc;

    final String prefix = "QS" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);

    int tickets;

    @Test
    void everyDissatisfiedTicketAndTenPercentRoundedUpOfTheWeeksClosedTickets() {
        ReportWeek week = ReportWeek.parse(String.format("%d-W%02d", ThreadLocalRandom.current().nextInt(1990, 2020),
                ThreadLocalRandom.current().nextInt(1, 53)), ZoneId.of("Asia/Shanghai")).orElseThrow();
        long dissatisfied = closed(week.from().plusSeconds(60), 4, 4, 1, 4, 4);
        closed(week.from().plusSeconds(120), 5, 5, 5, 5, 5);
        for (int i = 0; i < 13; i++) {
            closed(week.from().plusSeconds(3600L * (i + 1)));
        }
        closed(week.to(), 1, 1, 1, 1, 1);
        closed(week.from().minusSeconds(1), 1, 1, 1, 1, 1);

        List<Inspection> sample = sampler.sample(week, "it-" + prefix);

        // 15 closed: 10 % rounded up is 2, the dissatisfied one and one at random
        assertThat(sample).hasSize(2);
        assertThat(sample).filteredOn(row -> row.getReason() == SampleReason.DISSATISFIED).singleElement()
                .satisfies(row -> assertThat(row.getTicketId()).isEqualTo(dissatisfied));
        assertThat(inspections.findByProcessInstanceIdOrderByIdAsc("it-" + prefix)).hasSize(2);
        assertThat(sampler.sample(week, "it-again-" + prefix)).as("a week is sampled once").isEmpty();
    }

    private long closed(Instant closedAt, int... scores) {
        String number = prefix + "-" + (++tickets);
        jdbc.update("""
                insert into ticket (number, contact_name, channel, category, priority, subject, description, status,
                    closed_at, created_at, version)
                values (?, 'Sample contact', 'WEB', 'INQUIRY', 'P2', 'Sampled', 'Known data', 'CLOSED', ?, ?, 0)
                """, number, closedAt.atOffset(ZoneOffset.UTC), closedAt.minusSeconds(7200).atOffset(ZoneOffset.UTC));
        long id = jdbc.queryForObject("select id from ticket where number = ?", Long.class, number);
        if (scores.length == 5) {
            jdbc.update("""
                    insert into survey (ticket_id, token, status, sent_at, answered_at, response_speed,
                        resolution_efficiency, attitude, effectiveness, overall, version)
                    values (?, ?, 'ANSWERED', ?, ?, ?, ?, ?, ?, ?, 0)
                    """, id, UUID.randomUUID().toString(), closedAt.atOffset(ZoneOffset.UTC),
                    closedAt.plusSeconds(600).atOffset(ZoneOffset.UTC), scores[0], scores[1], scores[2], scores[3],
                    scores[4]);
        }
        return id;
    }
}
