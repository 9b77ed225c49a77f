package org.servicedesk.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly service report: every indicator is one aggregate query over a time range of the
 * week (half-open [from, to), Monday 00:00 to Monday 00:00 in the desk's zone), on the indexed
 * columns of V6. Plain SQL that H2 and PostgreSQL both run; Java only divides the counts and adds up the few grouped stage totals.
 */
@Component
class WeeklyReport {

    static final String MINUTES = "minutes";
    static final String RATIO = "ratio";
    static final String COUNT = "count";
    static final String SCORE = "score";
    static final String NONE = "";

    private final JdbcTemplate jdbc;

    WeeklyReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One line of the report; {@code value} is null when there was nothing to measure. */
    record Row(String indicator, String dimension, BigDecimal value, String unit) {
    }

    record Report(String week, String zone, Instant from, Instant to, List<Row> indicators) {

        String toCsv() {
            StringBuilder csv = new StringBuilder("indicator,dimension,value,unit\r\n");
            for (Row row : indicators) {
                csv.append(cell(row.indicator())).append(',').append(cell(row.dimension())).append(',')
                        .append(row.value() == null ? "" : row.value().toPlainString()).append(',')
                        .append(cell(row.unit())).append("\r\n");
            }
            return csv.toString();
        }

        private static String cell(String text) {
            if (text == null) {
                return "";
            }
            return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                    ? "\"" + text.replace("\"", "\"\"") + "\""
                    : text;
        }
    }

    @Transactional(readOnly = true)
    Report of(ReportWeek week, java.time.ZoneId zone) {
        OffsetDateTime from = week.from().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = week.to().atOffset(ZoneOffset.UTC);
        List<Row> rows = new ArrayList<>();
        firstResponse(rows, from, to);
        resolution(rows, from, to);
        closedTicketRates(rows, from, to);
        satisfaction(rows, from, to);
        repeatComplaints(rows, from, to);
        stageShares(rows, from, to);
        backlog(rows, to);
        escalationReasons(rows, from, to);
        slaCompliance(rows, from, to);
        qualityInspection(rows, from, to);
        return new Report(week.label(), zone.getId(), week.from(), week.to(), List.copyOf(rows));
    }

    /** Minutes from creation to first response, for tickets created in the week that were responded to. */
    private void firstResponse(List<Row> rows, OffsetDateTime from, OffsetDateTime to) {
        jdbc.query("""
                select count(*) as n,
                       avg((extract(epoch from first_responded_at) - extract(epoch from created_at)) / 60.0) as minutes
                  from ticket
                 where created_at >= ? and created_at < ? and first_responded_at is not null
                """, rs -> {
            rows.add(new Row("average_first_response_time", NONE, decimal(rs, "minutes", 1), MINUTES));
            rows.add(new Row("first_response_tickets", NONE, BigDecimal.valueOf(rs.getLong("n")), COUNT));
        }, from, to);
    }

    /**
     * Minutes from creation to the first solution sent (the earliest SOLUTION_SENT event; else
     * solution_sent_at; else closed_at), for tickets closed in the week.
     */
    private void resolution(List<Row> rows, OffsetDateTime from, OffsetDateTime to) {
        jdbc.query("""
                select count(*) as n,
                       avg((extract(epoch from coalesce(
                               (select min(e.occurred_at) from ticket_event e
                                 where e.ticket_id = t.id and e.action = 'SOLUTION_SENT'),
                               t.solution_sent_at, t.closed_at))
                            - extract(epoch from t.created_at)) / 60.0) as minutes
                  from ticket t
                 where t.closed_at >= ? and t.closed_at < ?
                """, rs -> {
            rows.add(new Row("average_resolution_time", NONE, decimal(rs, "minutes", 1), MINUTES));
            rows.add(new Row("closed_tickets", NONE, BigDecimal.valueOf(rs.getLong("n")), COUNT));
        }, from, to);
    }

    /**
     * Of the tickets closed in the week: resolved at tier 1 and never escalated (first-contact
     * resolution), and never rejected by the customer (one-time resolution).
     */
    private void closedTicketRates(List<Row> rows, OffsetDateTime from, OffsetDateTime to) {
        jdbc.query("""
                select count(*) as closed,
                       coalesce(sum(case when t.resolved_tier = 1 and not exists (
                               select 1 from ticket_event e where e.ticket_id = t.id and e.action = 'ESCALATED')
                           then 1 else 0 end), 0) as first_contact,
                       coalesce(sum(case when not exists (
                               select 1 from ticket_event e where e.ticket_id = t.id and e.action = 'CUSTOMER_REJECTED')
                           then 1 else 0 end), 0) as one_time
                  from ticket t
                 where t.closed_at >= ? and t.closed_at < ?
                """, rs -> {
            long closed = rs.getLong("closed");
            rows.add(new Row("first_contact_resolution_rate", NONE, ratio(rs.getLong("first_contact"), closed), RATIO));
            rows.add(new Row("one_time_resolution_rate", NONE, ratio(rs.getLong("one_time"), closed), RATIO));
        }, from, to);
    }

    /** Average overall score (1 to 5) of the surveys answered in the week. */
    private void satisfaction(List<Row> rows, OffsetDateTime from, OffsetDateTime to) {
        jdbc.query("""
                select count(overall) as n, avg(overall * 1.0) as score
                  from survey
                 where answered_at >= ? and answered_at < ? and overall is not null
                """, rs -> {
            rows.add(new Row("satisfaction_score", NONE, decimal(rs, "score", 2), SCORE));
            rows.add(new Row("surveys_answered", NONE, BigDecimal.valueOf(rs.getLong("n")), COUNT));
        }, from, to);
    }

    /**
     * Complaint tickets created in the week whose customer had another complaint ticket created
     * in the 30 days before it.
     */
    private void repeatComplaints(List<Row> rows, OffsetDateTime from, OffsetDateTime to) {
        jdbc.query("""
                select count(*) as complaints,
                       coalesce(sum(case when exists (
                               select 1 from ticket p
                                where p.customer_id = t.customer_id and p.category = 'COMPLAINT' and p.id <> t.id
                                  and p.created_at >= t.created_at - interval '30' day and p.created_at <= t.created_at)
                           then 1 else 0 end), 0) as repeats
                  from ticket t
                 where t.created_at >= ? and t.created_at < ? and t.category = 'COMPLAINT'
                """, rs -> {
            rows.add(new Row("repeat_complaint_rate", NONE, ratio(rs.getLong("repeats"), rs.getLong("complaints")),
                    RATIO));
            rows.add(new Row("complaint_tickets", NONE, BigDecimal.valueOf(rs.getLong("complaints")), COUNT));
        }, from, to);
    }

    /**
     * For tickets closed in the week: the share of the time their lifecycle and SLA clock instances
     * spent in each user task (ACT_HI_TASKINST, finished tasks, summed by task definition key).
     */
    private void stageShares(List<Row> rows, OffsetDateTime from, OffsetDateTime to) {
        List<Object[]> stages = jdbc.query("""
                select ti.task_def_key_ as stage, sum(ti.duration_) as millis
                  from ticket t
                  join act_hi_procinst p on p.business_key_ = t.number
                       and p.proc_def_key_ in ('TicketLifecycleProcess', 'SlaClockProcess')
                  join act_hi_taskinst ti on ti.proc_inst_id_ = p.proc_inst_id_
                 where t.closed_at >= ? and t.closed_at < ? and ti.duration_ is not null
                 group by ti.task_def_key_
                 order by ti.task_def_key_
                """, (rs, i) -> new Object[] { rs.getString("stage"), rs.getLong("millis") }, from, to);
        long total = stages.stream().mapToLong(stage -> (Long) stage[1]).sum();
        for (Object[] stage : stages) {
            rows.add(new Row("stage_time_share", (String) stage[0], ratio((Long) stage[1], total), RATIO));
        }
    }

    /**
     * Tickets created before the end of the week and not closed by then. Counted in three disjoint
     * parts so that each reads few index entries however far back the week is (one condition
     * "created before, closed after" would read every ticket created before the week): still open;
     * created in the 7 days before the end and closed after it; created earlier and closed after it,
     * so open longer than 7 days (the last condition is implied; it lets PostgreSQL use the small
     * partial index of such tickets, V8_1). The result does not depend on the 7 days.
     */
    private void backlog(List<Row> rows, OffsetDateTime to) {
        Long open = jdbc.queryForObject("""
                select (select count(*) from ticket where closed_at is null and created_at < ?)
                     + (select count(*) from ticket
                         where created_at >= cast(? as timestamp with time zone) - interval '7' day
                           and created_at < ? and closed_at >= ?)
                     + (select count(*) from ticket
                         where created_at < cast(? as timestamp with time zone) - interval '7' day
                           and closed_at >= ? and closed_at - created_at > interval '7' day) as backlog
                """, Long.class, to, to, to, to, to, to);
        rows.add(new Row("backlog", NONE, BigDecimal.valueOf(open), COUNT));
    }

    /** The 5 most frequent escalation reasons of the week: trimmed, lower-cased, without "To tier N: ". */
    private void escalationReasons(List<Row> rows, OffsetDateTime from, OffsetDateTime to) {
        jdbc.query("""
                select reason, count(*) as n
                  from (select trim(regexp_replace(lower(trim(detail)), '^to tier [0-9]+:', '')) as reason
                          from ticket_event
                         where action = 'ESCALATED' and occurred_at >= ? and occurred_at < ? and detail is not null) r
                 group by reason
                 order by count(*) desc, reason
                 fetch first 5 rows only
                """, (ResultSet rs) -> {
            rows.add(new Row("top_escalation_reason", rs.getString("reason"), BigDecimal.valueOf(rs.getLong("n")),
                    COUNT));
        }, from, to);
    }

    /** Of the clocks stopped in the week with an outcome, the share MET, per clock and ticket priority. */
    private void slaCompliance(List<Row> rows, OffsetDateTime from, OffsetDateTime to) {
        jdbc.query("""
                select c.clock, t.priority,
                       sum(case when c.outcome = 'MET' then 1 else 0 end) as met,
                       count(*) as n
                  from sla_clock c
                  join ticket t on t.id = c.ticket_id
                 where c.stopped_at >= ? and c.stopped_at < ? and c.outcome in ('MET', 'BREACHED')
                 group by c.clock, t.priority
                 order by c.clock, t.priority
                """, (ResultSet rs) -> {
            String dimension = rs.getString("clock") + "/" + rs.getString("priority");
            long n = rs.getLong("n");
            rows.add(new Row("sla_compliance", dimension, ratio(rs.getLong("met"), n), RATIO));
            rows.add(new Row("sla_clocks_stopped", dimension, BigDecimal.valueOf(n), COUNT));
        }, from, to);
    }

    /**
     * Quality inspection (table quality_inspection): tickets sampled in the week, inspections
     * completed in the week with the pass rate of each criterion, of all three together, and the
     * average attitude score, and the inspections still open at the end of the week.
     */
    private void qualityInspection(List<Row> rows, OffsetDateTime from, OffsetDateTime to) {
        Long sampled = jdbc.queryForObject("""
                select count(*) from quality_inspection where sampled_at >= ? and sampled_at < ?
                """, Long.class, from, to);
        rows.add(new Row("sampled_tickets", NONE, BigDecimal.valueOf(sampled), COUNT));
        jdbc.query("""
                select count(*) as n,
                       coalesce(sum(case when request_understood then 1 else 0 end), 0) as understood,
                       coalesce(sum(case when solution_effective then 1 else 0 end), 0) as effective,
                       coalesce(sum(case when process_compliant then 1 else 0 end), 0) as compliant,
                       coalesce(sum(case when request_understood and solution_effective and process_compliant
                           then 1 else 0 end), 0) as all_passed,
                       avg(attitude * 1.0) as attitude
                  from quality_inspection
                 where inspected_at >= ? and inspected_at < ?
                """, rs -> {
            long n = rs.getLong("n");
            rows.add(new Row("inspected_tickets", NONE, BigDecimal.valueOf(n), COUNT));
            rows.add(new Row("inspection_pass_rate", "REQUEST_UNDERSTOOD", ratio(rs.getLong("understood"), n), RATIO));
            rows.add(new Row("inspection_pass_rate", "SOLUTION_EFFECTIVE", ratio(rs.getLong("effective"), n), RATIO));
            rows.add(new Row("inspection_pass_rate", "PROCESS_COMPLIANCE", ratio(rs.getLong("compliant"), n), RATIO));
            rows.add(new Row("inspection_pass_rate", "ALL_CRITERIA", ratio(rs.getLong("all_passed"), n), RATIO));
            rows.add(new Row("inspection_attitude_score", NONE, decimal(rs, "attitude", 2), SCORE));
        }, from, to);
        Long open = jdbc.queryForObject("""
                select count(*) from quality_inspection
                 where sampled_at < ? and (inspected_at is null or inspected_at >= ?)
                """, Long.class, to, to);
        rows.add(new Row("open_inspections", NONE, BigDecimal.valueOf(open), COUNT));
    }

    private static BigDecimal decimal(ResultSet rs, String column, int scale) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
