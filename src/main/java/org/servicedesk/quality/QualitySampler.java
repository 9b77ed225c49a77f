package org.servicedesk.quality;

import static org.servicedesk.survey.SatisfactionSurvey.DISSATISFIED_AT_OR_BELOW;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.servicedesk.reporting.ReportWeek;
import org.servicedesk.system.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws a week's sample of closed tickets (closed_at in the week): every ticket whose survey
 * answer had a score of 2 or less, and random others until the sample holds at least
 * {@code sample-rate} of the closed tickets, rounded up (so at least one when any closed). A
 * week is sampled once: a second run for the same week draws nothing.
 */
@Service
class QualitySampler {

    private static final Logger log = LoggerFactory.getLogger(QualitySampler.class);

    record Closed(long ticketId, boolean dissatisfied) {
    }

    private final JdbcTemplate jdbc;

    private final InspectionRepository inspections;

    private final QualityInspectionProperties settings;

    private final TimeSource time;

    private final Random random = new SecureRandom();

    QualitySampler(JdbcTemplate jdbc, InspectionRepository inspections, QualityInspectionProperties settings,
            TimeSource time) {
        this.jdbc = jdbc;
        this.inspections = inspections;
        this.settings = settings;
        this.time = time;
    }

    @Transactional
    List<Inspection> sample(ReportWeek week, String processInstanceId) {
        if (inspections.existsBySampleWeek(week.label())) {
            log.warn("quality inspection {}: the week was sampled before; nothing new drawn", week.label());
            return List.of();
        }
        List<Closed> closed = closedIn(week);
        List<Inspection> sample = new ArrayList<>();
        for (Closed ticket : draw(closed, settings.sampleRate(), random)) {
            sample.add(inspections.save(new Inspection(week.label(), ticket.ticketId(),
                    ticket.dissatisfied() ? SampleReason.DISSATISFIED : SampleReason.RANDOM, processInstanceId,
                    time.now())));
        }
        log.info("quality inspection {}: {} of {} closed tickets sampled", week.label(), sample.size(), closed.size());
        return sample;
    }

    /** Tickets closed in the week, each with whether its answered survey had a score of 2 or less. */
    private List<Closed> closedIn(ReportWeek week) {
        return jdbc.query("""
                select t.id,
                       case when exists (
                           select 1 from survey s
                            where s.ticket_id = t.id and s.answered_at is not null
                              and (s.response_speed <= ? or s.resolution_efficiency <= ? or s.attitude <= ?
                                   or s.effectiveness <= ? or s.overall <= ?))
                       then 1 else 0 end as dissatisfied
                  from ticket t
                 where t.closed_at >= ? and t.closed_at < ?
                 order by t.id
                """, (rs, i) -> new Closed(rs.getLong("id"), rs.getInt("dissatisfied") == 1),
                DISSATISFIED_AT_OR_BELOW, DISSATISFIED_AT_OR_BELOW, DISSATISFIED_AT_OR_BELOW, DISSATISFIED_AT_OR_BELOW,
                DISSATISFIED_AT_OR_BELOW, week.from().atOffset(ZoneOffset.UTC), week.to().atOffset(ZoneOffset.UTC));
    }

    /** All dissatisfied tickets, then random others up to ⌈rate × closed⌉. */
    static List<Closed> draw(List<Closed> closed, BigDecimal rate, Random random) {
        int target = targetSize(closed.size(), rate);
        List<Closed> sample = new ArrayList<>(closed.stream().filter(Closed::dissatisfied).toList());
        List<Closed> others = new ArrayList<>(closed.stream().filter(ticket -> !ticket.dissatisfied()).toList());
        Collections.shuffle(others, random);
        sample.addAll(others.subList(0, Math.max(0, Math.min(others.size(), target - sample.size()))));
        return sample;
    }

    /** ⌈rate × closed⌉, at least 1 when any ticket closed. */
    static int targetSize(int closed, BigDecimal rate) {
        if (closed == 0) {
            return 0;
        }
        return Math.max(1, BigDecimal.valueOf(closed).multiply(rate).setScale(0, RoundingMode.CEILING).intValueExact());
    }
}
