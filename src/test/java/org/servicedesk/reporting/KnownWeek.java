package org.servicedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Known data around ISO week 2025-W10 (Asia/Shanghai: 2025-03-02T16:00Z to 2025-03-09T16:00Z),
 * which no other test uses, and the exact report it must give. Shared by the H2 test and the
 * PostgreSQL integration test, and by the /reports page's browser test. All times below are UTC.
 */
public class KnownWeek {

    public static final String WEEK = "2025-W10";

    /** indicator|dimension → value, every row of the report for the data below. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();
    static {
        // created in the week and responded: T1 30, T2 90, T4 45 minutes (T5, T8 unanswered; T9, T10 outside)
        EXPECTED.put("average_first_response_time|", "55.0");
        EXPECTED.put("first_response_tickets|", "3");
        // closed in the week: T1 120 (first SOLUTION_SENT event), T2 360 (solution_sent_at), T3 12960 (closed_at)
        EXPECTED.put("average_resolution_time|", "4480.0");
        EXPECTED.put("closed_tickets|", "3");
        // T1 only: T2 resolved at tier 2, T3 at tier 1 but escalated before
        EXPECTED.put("first_contact_resolution_rate|", "0.3333");
        // T2 was rejected by its customer
        EXPECTED.put("one_time_resolution_rate|", "0.6667");
        // T1 4, T2 5; T3's answer came exactly at the week's end, T6's before the week
        EXPECTED.put("satisfaction_score|", "4.50");
        EXPECTED.put("surveys_answered|", "2");
        // complaints created in the week: T2 (T6 12 days before), T4 (T2 2 days before), T5 (T7 64 days before)
        EXPECTED.put("repeat_complaint_rate|", "0.6667");
        EXPECTED.put("complaint_tickets|", "3");
        // finished tasks of T1 and T2 (closed in the week): tier 1 30+60, tier 2 90, review 60 of 240 minutes
        EXPECTED.put("stage_time_share|Task_HandleTier1", "0.3750");
        EXPECTED.put("stage_time_share|Task_HandleTier2", "0.3750");
        EXPECTED.put("stage_time_share|Task_ReviewResolution", "0.2500");
        // T4, T5, T8 (created Sunday 23:00 desk time), T11 (closed the day after the week) and T10 (closed
        // after the week, open for more than 7 days)
        EXPECTED.put("backlog|", "5");
        // the 6th reason, "zz top", falls off; ties by name
        EXPECTED.put("top_escalation_reason|needs diagnosis", "3");
        EXPECTED.put("top_escalation_reason|firmware bug", "2");
        EXPECTED.put("top_escalation_reason|customer abroad", "1");
        EXPECTED.put("top_escalation_reason|suspected defect", "1");
        EXPECTED.put("top_escalation_reason|wrong part", "1");
        EXPECTED.put("sla_compliance|RESOLUTION/P1", "0.5000");
        EXPECTED.put("sla_clocks_stopped|RESOLUTION/P1", "2");
        EXPECTED.put("sla_compliance|RESOLUTION/P2", "1.0000");
        EXPECTED.put("sla_clocks_stopped|RESOLUTION/P2", "1");
        EXPECTED.put("sla_compliance|RESPONSE/P1", "1.0000");
        EXPECTED.put("sla_clocks_stopped|RESPONSE/P1", "1");
        EXPECTED.put("sla_compliance|RESPONSE/P2", "0.0000");
        EXPECTED.put("sla_clocks_stopped|RESPONSE/P2", "1");
        EXPECTED.put("sla_compliance|RESPONSE/P3", "1.0000");
        EXPECTED.put("sla_clocks_stopped|RESPONSE/P3", "1");
        // quality inspection: sampled in the week Q1, Q2, Q3 (Q5 exactly at its end)
        EXPECTED.put("sampled_tickets|", "3");
        // inspected in the week Q1, Q2, Q4, Q8 (Q6 exactly at its end, Q7 before it)
        EXPECTED.put("inspected_tickets|", "4");
        EXPECTED.put("inspection_pass_rate|REQUEST_UNDERSTOOD", "0.7500");
        EXPECTED.put("inspection_pass_rate|SOLUTION_EFFECTIVE", "0.5000");
        EXPECTED.put("inspection_pass_rate|PROCESS_COMPLIANCE", "0.7500");
        // Q1 only passed all three
        EXPECTED.put("inspection_pass_rate|ALL_CRITERIA", "0.2500");
        // (5 + 2 + 4 + 3) / 4
        EXPECTED.put("inspection_attitude_score|", "3.50");
        // sampled before the end and not inspected by then: Q3, Q6
        EXPECTED.put("open_inspections|", "2");
    }

    private final JdbcTemplate jdbc;
    private final String prefix = "RW" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);

    public KnownWeek(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert() {
        long c1 = customer("Report customer one " + prefix);
        long c2 = customer("Report customer two " + prefix);

        long t1 = ticket(1, null, "REPAIR", "P1", "2025-03-03T02:00:00Z", "2025-03-03T02:30:00Z",
                "2025-03-03T05:00:00Z", "2025-03-04T02:00:00Z", 1);
        event(t1, "2025-03-03T04:00:00Z", "SOLUTION_SENT", "first solution");
        event(t1, "2025-03-03T05:00:00Z", "SOLUTION_SENT", "sent again");
        long t2 = ticket(2, c1, "COMPLAINT", "P2", "2025-03-03T03:00:00Z", "2025-03-03T04:30:00Z",
                "2025-03-03T09:00:00Z", "2025-03-05T00:00:00Z", 2);
        event(t2, "2025-03-03T05:00:00Z", "ESCALATED", "  To tier 2: Needs Diagnosis ");
        event(t2, "2025-03-04T00:00:00Z", "CUSTOMER_REJECTED", "still broken");
        long t3 = ticket(3, null, "INQUIRY", "P1", "2025-02-25T00:00:00Z", "2025-02-25T01:00:00Z", null,
                "2025-03-06T00:00:00Z", 1);
        event(t3, "2025-02-25T02:00:00Z", "ESCALATED", "To tier 2: wrong part");
        long t4 = ticket(4, c1, "COMPLAINT", "P3", "2025-03-05T00:00:00Z", "2025-03-05T00:45:00Z", null, null, null);
        event(t4, "2025-03-05T01:00:00Z", "ESCALATED", "To tier 2: needs diagnosis");
        event(t4, "2025-03-05T02:00:00Z", "ESCALATED", "To tier 3: Firmware bug");
        long t5 = ticket(5, c2, "COMPLAINT", "P2", "2025-03-06T00:00:00Z", null, null, null, null);
        event(t5, "2025-03-06T01:00:00Z", "ESCALATED", "To tier 2: Wrong part");
        event(t5, "2025-03-06T02:00:00Z", "ESCALATED", "To tier 3: firmware bug");
        long t6 = ticket(6, c1, "COMPLAINT", "P2", "2025-02-20T00:00:00Z", null, null, "2025-02-21T00:00:00Z", 1);
        long t7 = ticket(7, c2, "COMPLAINT", "P2", "2025-01-01T00:00:00Z", null, null, "2025-01-02T00:00:00Z", 1);
        long t8 = ticket(8, null, "REPAIR", "P1", "2025-03-09T15:00:00Z", null, null, null, null);
        event(t8, "2025-03-09T15:10:00Z", "ESCALATED", "To tier 2: Customer abroad");
        event(t8, "2025-03-09T15:30:00Z", "ESCALATED", "To tier 3: Suspected defect");
        long t9 = ticket(9, null, "REPAIR", "P1", "2025-03-09T17:00:00Z", "2025-03-09T17:10:00Z", null, null, null);
        event(t9, "2025-03-09T17:30:00Z", "ESCALATED", "To tier 2: Aardvark");
        long t10 = ticket(10, null, "REPAIR", "P1", "2025-03-02T15:00:00Z", "2025-03-02T15:20:00Z", null,
                "2025-03-09T16:30:00Z", 1);
        event(t10, "2025-03-03T00:00:00Z", "ESCALATED", "To tier 2: Needs diagnosis");
        event(t10, "2025-03-03T00:10:00Z", "ESCALATED", "To tier 2: zz top");
        ticket(11, null, "INQUIRY", "P2", "2025-03-07T00:00:00Z", null, null, "2025-03-10T00:00:00Z", 1);

        survey(t1, "2025-03-05T00:00:00Z", 4);
        survey(t2, "2025-03-06T00:00:00Z", 5);
        survey(t3, "2025-03-09T16:00:00Z", 1);
        survey(t6, "2025-02-22T00:00:00Z", 2);

        clock(t1, "RESPONSE", "2025-03-03T02:30:00Z", "MET");
        clock(t1, "RESOLUTION", "2025-03-04T02:00:00Z", "MET");
        clock(t3, "RESOLUTION", "2025-03-06T00:00:00Z", "BREACHED");
        clock(t2, "RESPONSE", "2025-03-03T04:30:00Z", "BREACHED");
        clock(t2, "RESOLUTION", "2025-03-05T00:00:00Z", "MET");
        clock(t4, "RESPONSE", "2025-03-05T00:45:00Z", "MET");
        clock(t10, "RESPONSE", "2025-03-02T15:20:00Z", "MET");
        clock(t5, "ASSIGNMENT", null, null);
        clock(t9, "RESPONSE", "2025-03-09T17:10:00Z", "BREACHED");

        inspection(t1, "2025-03-03T01:00:00Z", "2025-03-04T00:00:00Z", true, true, 5, true); // Q1
        inspection(t2, "2025-03-03T01:00:00Z", "2025-03-05T00:00:00Z", false, true, 2, true); // Q2
        inspection(t3, "2025-03-03T01:00:00Z", null, null, null, null, null); // Q3
        inspection(t6, "2025-02-24T01:00:00Z", "2025-03-03T02:00:00Z", true, false, 4, false); // Q4
        inspection(t10, "2025-03-09T16:00:00Z", null, null, null, null, null); // Q5
        inspection(t7, "2025-02-24T01:00:00Z", "2025-03-09T16:00:00Z", true, true, 1, true); // Q6
        inspection(t4, "2025-02-24T01:00:00Z", "2025-02-28T00:00:00Z", true, true, 3, true); // Q7
        inspection(t5, "2025-02-24T01:00:00Z", "2025-03-06T00:00:00Z", true, false, 3, true); // Q8

        String p1 = processInstance(1);
        task(p1, "Task_HandleTier1", "2025-03-03T02:00:00Z", 30);
        String p2 = processInstance(2);
        task(p2, "Task_HandleTier1", "2025-03-03T03:00:00Z", 60);
        task(p2, "Task_HandleTier2", "2025-03-03T05:00:00Z", 90);
        task(p2, "Task_ReviewResolution", "2025-03-03T07:00:00Z", 60);
        task(p2, "Task_HandleSlaBreach", "2025-03-03T08:00:00Z", null);
        String p4 = processInstance(4);
        task(p4, "Task_HandleTier1", "2025-03-05T00:00:00Z", 1000);
    }

    /** The JSON report, checked row by row, and the CSV form with the same rows. */
    void check(MockMvc mvc) throws Exception {
        String json = mvc.perform(get("/api/reports/weekly").param("week", WEEK))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.week").value(WEEK))
                .andExpect(jsonPath("$.zone").value("Asia/Shanghai"))
                .andExpect(jsonPath("$.from").value("2025-03-02T16:00:00Z"))
                .andExpect(jsonPath("$.to").value("2025-03-09T16:00:00Z"))
                .andReturn().getResponse().getContentAsString();
        JsonNode report = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true)).readTree(json);
        Map<String, String> rows = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (JsonNode row : report.get("indicators")) {
            String key = row.get("indicator").asText() + "|" + row.get("dimension").asText();
            rows.put(key, row.get("value").decimalValue().toPlainString());
            units.put(key, row.get("unit").asText());
        }
        assertThat(rows).containsExactlyEntriesOf(EXPECTED);
        assertThat(units).containsEntry("average_first_response_time|", "minutes")
                .containsEntry("inspection_pass_rate|ALL_CRITERIA", "ratio").containsEntry("inspected_tickets|", "count")
                .containsEntry("inspection_attitude_score|", "score")
                .containsEntry("first_contact_resolution_rate|", "ratio").containsEntry("backlog|", "count")
                .containsEntry("satisfaction_score|", "score");

        String csv = mvc.perform(get("/api/reports/weekly").param("week", WEEK).header("Accept", "text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("indicator,dimension,value,unit");
        assertThat(lines).contains("average_first_response_time,,55.0,minutes", "backlog,,5,count",
                "top_escalation_reason,needs diagnosis,3,count", "sla_compliance,RESOLUTION/P1,0.5000,ratio",
                "stage_time_share,Task_HandleTier1,0.3750,ratio", "inspection_pass_rate,SOLUTION_EFFECTIVE,0.5000,ratio",
                "inspection_attitude_score,,3.50,score", "open_inspections,,2,count");
        Map<String, String> csvRows = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            csvRows.put(cells[0] + "|" + cells[1], cells[2]);
        }
        assertThat(csvRows).containsExactlyEntriesOf(EXPECTED);
    }

    private long customer(String name) {
        jdbc.update("insert into customer (name, tier, language, preferred_channel, created_at) values (?, ?, ?, ?, ?)",
                name, "STANDARD", "en", "EMAIL", at("2024-01-01T00:00:00Z"));
        return jdbc.queryForObject("select id from customer where name = ?", Long.class, name);
    }

    private long ticket(int n, Long customer, String category, String priority, String created, String responded,
            String solutionSent, String closed, Integer resolvedTier) {
        String number = number(n);
        jdbc.update("""
                insert into ticket (number, customer_id, contact_name, channel, category, priority, subject,
                    description, status, resolved_tier, first_responded_at, solution_sent_at, closed_at, created_at, version)
                values (?, ?, ?, 'EMAIL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """, number, customer, "Report contact", category, priority, "Report ticket " + n, "Known data",
                closed == null ? "IN_PROGRESS" : "CLOSED", resolvedTier, at(responded), at(solutionSent), at(closed),
                at(created));
        return jdbc.queryForObject("select id from ticket where number = ?", Long.class, number);
    }

    private void event(long ticket, String at, String action, String detail) {
        jdbc.update("insert into ticket_event (ticket_id, occurred_at, actor, action, detail) values (?, ?, ?, ?, ?)",
                ticket, at(at), "tester", action, detail);
    }

    private void survey(long ticket, String answered, int overall) {
        jdbc.update("""
                insert into survey (ticket_id, token, status, sent_at, answered_at, overall, version)
                values (?, ?, 'ANSWERED', ?, ?, ?, 0)
                """, ticket, UUID.randomUUID().toString(), at("2025-02-01T00:00:00Z"), at(answered), overall);
    }

    private void clock(long ticket, String clock, String stopped, String outcome) {
        jdbc.update("""
                insert into sla_clock (ticket_id, clock, round, calendar, target, warning_lead, started_at, warning_at,
                    due_at, paused_seconds, stopped_at, outcome, version)
                values (?, ?, 1, 'standard', 'PT4H', 'PT1H', ?, ?, ?, 0, ?, ?, 0)
                """, ticket, clock, at("2025-02-01T00:00:00Z"), at("2025-02-01T03:00:00Z"), at("2025-02-01T04:00:00Z"),
                at(stopped), outcome);
    }

    private void inspection(long ticket, String sampled, String inspected, Boolean understood, Boolean effective,
            Integer attitude, Boolean compliant) {
        jdbc.update("""
                insert into quality_inspection (sample_week, ticket_id, reason, sampled_at, inspector, inspected_at,
                    request_understood, solution_effective, attitude, process_compliant, notes, version)
                values ('2025-W09', ?, 'RANDOM', ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """, ticket, at(sampled), inspected == null ? null : "quinn", at(inspected), understood, effective,
                attitude, compliant, inspected == null ? null : "Known notes");
    }

    private String processInstance(int ticket) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_)
                values (?, ?, ?, 'TicketLifecycleProcess', 'TicketLifecycleProcess:0:report-test', ?)
                """, id, id, number(ticket), at("2025-02-01T00:00:00Z"));
        return id;
    }

    private void task(String processInstance, String key, String start, Integer minutes) {
        Instant started = Instant.parse(start);
        jdbc.update("""
                insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_inst_id_, start_time_, end_time_,
                    duration_)
                values (?, ?, 'TicketLifecycleProcess', ?, ?, ?, ?)
                """, UUID.randomUUID().toString(), key, processInstance, java.sql.Timestamp.from(started),
                minutes == null ? null : java.sql.Timestamp.from(started.plusSeconds(minutes * 60L)),
                minutes == null ? null : minutes * 60_000L);
    }

    private String number(int n) {
        return prefix + "-" + n;
    }

    private static OffsetDateTime at(String instant) {
        return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }
}
