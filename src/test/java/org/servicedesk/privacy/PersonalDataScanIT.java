package org.servicedesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicedesk.LoggedIn;
import org.servicedesk.TicketScenario;
import org.servicedesk.knowledge.KnowledgeReview;
import org.servicedesk.survey.SurveyRepository;
import org.servicedesk.ticket.CustomerLinkPurpose;
import org.servicedesk.ticket.CustomerLinks;
import org.servicedesk.sla.SlaClockProcess;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The done-when of the personal-data requirement, on PostgreSQL: customers with marker names,
 * phones, e-mails and order numbers (also written into descriptions, replies, comments) go through
 * tickets end to end; then every column of every table (the engine's included, binary columns read
 * as UTF-8) and the log output are scanned: a marker appears only encrypted. Then one customer is
 * erased through the API: nothing of them remains (not even encrypted, not in the blind indexes, no
 * engine history of their tickets), the others are intact, and the erasure is on record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "servicedesk.demo.users=true",
        // the outbox sends on its own, quickly (no SMTP or SMS gateway: messages go to the log)
        "servicedesk.outbox.poll-interval=PT0.2S",
        // more of the log to scan
        "logging.level.root=INFO",
        "logging.level.org.servicedesk=DEBUG" })
@ActiveProfiles({ "postgres", "it" })
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataScanIT {

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired TicketRepository tickets;
    @Autowired CustomerLinks links;
    @Autowired SurveyRepository surveys;
    @Autowired ErasureRecords erasures;
    @Autowired JdbcTemplate jdbc;
    @Autowired FieldCipher cipher;
    @Autowired BlindIndex blindIndex;

    /** A customer with marker values found nowhere else. */
    record Person(String name, String phone, String email, String orderNumber) {

        static Person random(String nameStem, boolean withEmail) {
            long n = ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
            return new Person(nameStem + n, "13" + ThreadLocalRandom.current().nextInt(5, 10) + n,
                    withEmail ? "mk" + n + ".privacy@marker-" + n + ".example" : null, "ORD-MK-" + n);
        }

        List<String> markers() {
            return Stream.of(name, phone, email, orderNumber).filter(m -> m != null).toList();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void markersAreOnlyStoredEncryptedAndAnErasedCustomerLeavesNothing(CapturedOutput log) throws Exception {
        TicketScenario scenario = new TicketScenario(runtimeService, taskService, managementService);
        // other tests on this database leave rows behind that are due at their clock, not at ours
        long notificationsBefore = jdbc.queryForObject("select coalesce(max(id), 0) from notification", Long.class);
        Person erased = Person.random("Quill Markerson ", true);
        Person kept = Person.random("隐私乙", true);
        Person smsOnly = Person.random("Vera Smsmarker ", false);

        // ---- tickets end to end ----
        // erased, ticket 1: a question to the customer and their reply, an agent's reply, escalation (done in
        // Tasklist as alice, with a comment), tier 2, review, confirmation, survey, dissatisfied follow-up
        String e1 = create(erased, "Printer does not print",
                "Model P100, bought 2026-01-05. Call me back on " + erased.phone() + " about order "
                        + erased.orderNumber() + ".");
        scenario.askCustomer(e1, TicketLifecycle.TASK_HANDLE_TIER1, "alice", "Which firmware does it show?");
        post("/api/replies/" + link(e1, CustomerLinkPurpose.REPLY), null,
                Map.of("message", "Firmware 3.1. Or write to " + erased.email() + ", " + erased.name()));
        post("/api/tickets/" + e1 + "/replies", "alice",
                Map.of("message", "Dear " + erased.name() + ", we are on it.", "agent", "alice"));
        identityService.setAuthentication("alice", List.of("tier1"));
        try {
            Task tier1 = scenario.openTask(e1, TicketLifecycle.TASK_HANDLE_TIER1);
            taskService.createComment(tier1.getId(), tier1.getProcessInstanceId(), "Customer prefers a call back");
            scenario.escalateFromTier1(e1, "Firmware related, needs remote session");
        } finally {
            identityService.clearAuthentication();
        }
        scenario.resolveAtTier2(e1, "Rolled back firmware to 3.0");
        scenario.review(e1, true, "OK");
        confirm(e1, "Works again. Call " + erased.phone() + " if anything");
        // erased, ticket 2: resolved at tier 1 and left waiting for the confirmation (a running instance)
        String e2 = create(erased, "Scanner is slow", "The scanner HS-5 takes a minute per page.");
        scenario.resolveAtTier1(e2, "Cleaned the sensor remotely");

        // kept: escalated, resolved, confirmed, its knowledge article published, survey, follow-up
        String k1 = create(kept, "Oven does not heat",
                "Order " + kept.orderNumber() + "; my number is " + kept.phone() + ", mail " + kept.email());
        scenario.escalateFromTier1(k1, "Heating element suspected");
        scenario.resolveAtTier2(k1, "Heating element replaced");
        scenario.review(k1, true, "OK");
        confirm(k1, "Thanks, " + kept.name());
        // sms only: resolved at tier 1, confirmed
        String s1 = create(smsOnly, "Label printer prints blank", "LP-20, order " + smsOnly.orderNumber());
        scenario.resolveAtTier1(s1, "Replaced the ribbon");
        confirm(s1, "ok");

        // the surveys go out an hour after closure; two dissatisfied customers are followed up
        TicketScenario.advance(Duration.ofHours(1).plusMinutes(1));
        scenario.executeDueJobs();
        answerSurvey(e1, 2, "Too slow. " + erased.name() + ", " + erased.email());
        answerSurvey(k1, 1, "Call me: " + kept.phone());
        answerSurvey(s1, 5, "fine");
        scenario.followUp(e1, "RESOLVED");
        scenario.followUp(k1, "PARTLY");
        scenario.work(k1, KnowledgeReview.TASK_REVIEW_KNOWLEDGE_ARTICLE, "sam",
                Map.of(KnowledgeReview.VAR_ARTICLE_DECISION, KnowledgeReview.DECISION_PUBLISH));
        // the article drafted from the erased customer's ticket waits for its review (a running instance)
        assertThat(scenario.openTask(e1, KnowledgeReview.TASK_REVIEW_KNOWLEDGE_ARTICLE)).isNotNull();

        // the intake page's lookup, an unmasked read by a supervisor (audited) and the masked ticket
        JsonNode found = get("/api/customers/lookup?phone={phone}", "alice", erased.phone());
        assertThat(found.get("found").asBoolean()).isTrue();
        long erasedId = found.get("customerId").asLong();
        long keptId = tickets.findByNumber(k1).orElseThrow().getCustomerId();
        assertThat(get("/api/tickets/{n}?unmasked=true&reason=complaint", "sam", e1).get("customer").get("phone")
                .asText()).isEqualTo(erased.phone());
        assertThat(get("/api/tickets/{n}?unmasked=true", "sam", k1).get("customer").get("email").asText())
                .isEqualTo(kept.email());
        assertThat(get("/api/tickets/{n}", "alice", e1).toString()).doesNotContain(erased.markers());

        waitForTheOutbox(notificationsBefore);
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient_kind = 'CUSTOMER'"
                + " and channel = 'SMS' and status = 'SENT'", Long.class)).isPositive();

        // ---- scan: the markers only encrypted, everywhere ----
        DatabaseScan scan = new DatabaseScan(jdbc);
        List<String> allMarkers = Stream.of(erased, kept, smsOnly).flatMap(p -> p.markers().stream()).toList();
        assertThat(scan.columns()).containsKeys("customer.phone", "ticket.description", "act_hi_varinst.text_",
                "act_ge_bytearray.bytes_", "act_hi_taskinst.name_", "act_hi_procinst.business_key_",
                "act_hi_detail.text_", "act_hi_comment.message_", "act_hi_op_log.new_value_", "audit_log.reason");
        assertThat(scan.find(allMarkers, Set.of())).as("markers in plaintext").isEmpty();
        assertThat(log.getAll()).as("log output").doesNotContain(allMarkers);
        // (the log was captured: the messages to customers are in it, their addresses masked)
        assertThat(log.getAll()).contains("EMAIL to CUSTOMER " + erased.email().charAt(0) + "***@",
                "SMS to CUSTOMER " + smsOnly.phone().substring(0, 3) + "****");
        // they are there, encrypted: decrypted, our columns hold them
        String decrypted = decryptedPersonalData();
        assertThat(decrypted).contains(allMarkers);
        assertThat(blindIndexes()).contains(blindIndex.phone(erased.phone()), blindIndex.email(erased.email()),
                blindIndex.phone(kept.phone()), blindIndex.phone(smsOnly.phone()));
        // masked values are all the engine has
        assertThat(scan.find(List.of(erased.phone().substring(0, 3) + "****" + erased.phone().substring(7)),
                Set.of())).anyMatch(hit -> hit.startsWith("act_hi_varinst."));

        // ---- the erased customer's traces, before ----
        List<String> erasedNumbers = List.of(e1, e2);
        List<HistoricProcessInstance> erasedHistory = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyIn(e1, e2).list();
        List<String> erasedInstances = erasedHistory.stream().map(HistoricProcessInstance::getId).toList();
        // e1: lifecycle, survey, knowledge review; e2: lifecycle; and each ticket's SLA clock instances (3 or more)
        assertThat(erasedHistory).filteredOn(p -> !p.getProcessDefinitionKey().equals(SlaClockProcess.PROCESS_ID))
                .hasSize(4);
        assertThat(erasedHistory).filteredOn(p -> p.getProcessDefinitionKey().equals(SlaClockProcess.PROCESS_ID))
                .extracting(HistoricProcessInstance::getBusinessKey).containsOnly(e1, e2).hasSizeGreaterThanOrEqualTo(6);
        List<String> erasedTasks = erasedInstances.stream()
                .flatMap(id -> historyService.createHistoricTaskInstanceQuery().processInstanceId(id).list().stream())
                .map(HistoricTaskInstance::getId).toList();
        String e1Lifecycle = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(e1)
                .processDefinitionKey(TicketLifecycle.PROCESS_ID).singleResult().getId();
        assertThat(historyService.createUserOperationLogQuery().processInstanceId(e1Lifecycle).count())
                .as("user operation log of alice's steps").isPositive();
        assertThat(taskService.getProcessInstanceComments(e1Lifecycle)).isNotEmpty();
        List<String> keptNumbers = List.of(k1, s1);
        long keptInstances = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(k1, s1)
                .count();
        Map<String, Long> keptRows = keptRows(keptNumbers);

        // ---- erasure ----
        assertThat(http.withBasicAuth("sam", "demo").exchange("/api/customers/" + erasedId, HttpMethod.DELETE, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> erasure = http.withBasicAuth("admin", "demo")
                .exchange("/api/customers/" + erasedId, HttpMethod.DELETE, null, String.class);
        assertThat(erasure.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        // nothing of them remains: no marker, neither plain nor encrypted nor as a blind index
        assertThat(scan.find(allMarkers, Set.of())).as("markers in plaintext after the erasure").isEmpty();
        String after = decryptedPersonalData();
        assertThat(after).doesNotContain(erased.markers());
        assertThat(blindIndexes()).doesNotContain(blindIndex.phone(erased.phone()), blindIndex.email(erased.email()));
        // no engine row of their process instances and tasks; their ticket numbers only in the audit log
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(e1, e2).count())
                .isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(e1).count()
                + runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(e2).count()).isZero();
        List<String> traces = new ArrayList<>(erasedInstances);
        traces.addAll(erasedTasks);
        assertThat(scan.find(traces, Set.of())).as("engine rows of the erased tickets").isEmpty();
        assertThat(scan.find(erasedNumbers, Set.of("audit_log.ticket_number", "audit_log.endpoint"))).as("the erased ticket numbers")
                .isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from customer where id = ?", Long.class, erasedId)).isZero();

        // the others are intact
        assertThat(after).contains(kept.markers()).contains(smsOnly.markers());
        assertThat(blindIndexes()).contains(blindIndex.phone(kept.phone()), blindIndex.email(kept.email()));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(k1, s1).count())
                .isEqualTo(keptInstances);
        assertThat(keptRows(keptNumbers)).isEqualTo(keptRows);
        assertThat(get("/api/customers/{id}?unmasked=true", "sam", keptId).get("phone").asText())
                .isEqualTo(kept.phone());

        // and the erasure is on record, without personal data
        assertThat(erasures.findByCustomerId(erasedId)).singleElement().satisfies(record -> {
            assertThat(record.getErasedBy()).isEqualTo("admin");
            assertThat(record.getTickets()).isEqualTo(2);
            assertThat(record.getProcessInstances()).isEqualTo(erasedInstances.size()); // with the SLA clock instances
            assertThat(record.getDeletedRows()).contains("ticket=2", "customer=1", "survey=1", "follow_up=1");
        });
        assertThat(log.getAll()).as("log output after the erasure").doesNotContain(allMarkers);
        assertThat(log.getAll()).contains("customer #" + erasedId + " erased by admin");
        // every table that refers to a ticket or a customer is accounted for in the record
        String deletedRows = erasures.findByCustomerId(erasedId).get(0).getDeletedRows();
        assertThat(scan.referencing(List.of("ticket", "customer"))).isNotEmpty().allSatisfy(reference -> {
            String table = reference.substring(0, reference.indexOf('.'));
            assertThat(deletedRows).as(reference).containsAnyOf(table + "=", table + "_unlinked=");
        });

    }

    // ---- helpers ----

    private String create(Person person, String subject, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerName", person.name());
        body.put("phone", person.phone());
        if (person.email() != null) {
            body.put("email", person.email());
        }
        body.put("channel", "WEB");
        body.put("category", "TECHNICAL_FAULT");
        body.put("priority", "P2");
        body.put("subject", subject);
        body.put("description", description);
        body.put("orderNumber", person.orderNumber());
        ResponseEntity<JsonNode> created = http.exchange(org.springframework.http.RequestEntity.post("/api/tickets")
                .header(LoggedIn.API_KEY_HEADER, LoggedIn.CHANNEL_KEY).body(body), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = created.getBody().get("number").asText();
        new TicketScenario(runtimeService, taskService, managementService).acknowledge(number);
        return number;
    }

    private JsonNode post(String path, String user, Map<String, ?> body) {
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, "demo");
        ResponseEntity<JsonNode> response = client.postForEntity(path, body, JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode get(String path, String user, Object... variables) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class,
                variables);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void confirm(String number, String comment) {
        post("/api/confirmations/" + link(number, CustomerLinkPurpose.CONFIRMATION), null,
                Map.of("accepted", true, "comment", comment));
    }

    /** A fresh link for the customer, as the message to them would carry it (customer_link keeps only its hash). */
    private String link(String number, CustomerLinkPurpose purpose) {
        return links.issue(tickets.findByNumber(number).orElseThrow(), purpose);
    }

    private void answerSurvey(String number, int lowest, String comment) {
        Long ticketId = tickets.findByNumber(number).orElseThrow().getId();
        String token = surveys.findByTicketId(ticketId).orElseThrow().getToken();
        post("/api/surveys/" + token, null, Map.of("responseSpeed", lowest, "resolutionEfficiency", 4, "attitude", 4,
                "effectiveness", 4, "overall", Math.max(lowest, 3), "comment", comment));
    }

    /** Waits until the outbox has sent every message this test caused (rows after {@code before}). */
    private void waitForTheOutbox(long before) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        String unsent = " from notification where status in ('PENDING', 'SENDING') and id > ?";
        while (jdbc.queryForObject("select count(*)" + unsent, Long.class, before) > 0) {
            assertThat(Instant.now()).as("outbox sent; still waiting: %s", jdbc.queryForList(
                    "select id, template, channel, status, attempts, next_attempt_at, last_error" + unsent, before))
                    .isBefore(until);
            Thread.sleep(200);
        }
    }

    /** Every value of our encrypted columns, decrypted (values of other tests' fixtures as they are). */
    private String decryptedPersonalData() {
        StringBuilder all = new StringBuilder();
        for (PersonalColumns.Table table : PersonalColumns.ALL) {
            for (String column : table.encrypted()) {
                jdbc.query("select id, " + column + " from " + table.name() + " where " + column + " is not null", rs -> {
                    String stored = rs.getString(2);
                    FieldCipher.Cell cell = new FieldCipher.Cell(table.name(), column, rs.getLong(1));
                    all.append(table.name()).append('.').append(column).append('=')
                            .append(cipher.isEncrypted(stored) ? cipher.decrypt(stored, cell) : stored).append('\n');
                });
            }
        }
        return all.toString();
    }

    private List<String> blindIndexes() {
        List<String> values = new ArrayList<>();
        for (PersonalColumns.Table table : PersonalColumns.ALL) {
            for (PersonalColumns.Index index : table.indexes()) {
                values.addAll(jdbc.queryForList("select " + index.column() + " from " + table.name() + " where "
                        + index.column() + " is not null", String.class));
            }
        }
        return values;
    }

    /** How many rows the kept customers have in each of our tables. */
    private Map<String, Long> keptRows(List<String> numbers) {
        Map<String, Long> rows = new LinkedHashMap<>();
        String in = "(select id from ticket where number in ('" + String.join("', '", numbers) + "'))";
        rows.put("ticket", jdbc.queryForObject("select count(*) from ticket where id in " + in, Long.class));
        for (String table : List.of("ticket_event", "notification", "survey", "follow_up", "sla_clock")) {
            rows.put(table, jdbc.queryForObject("select count(*) from " + table + " where ticket_id in " + in,
                    Long.class));
        }
        rows.put("knowledge_article", jdbc.queryForObject(
                "select count(*) from knowledge_article where source_ticket_id in " + in, Long.class));
        return rows;
    }
}
