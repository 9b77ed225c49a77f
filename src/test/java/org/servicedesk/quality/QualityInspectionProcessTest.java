package org.servicedesk.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.servicedesk.TicketScenario.setClock;
import static org.servicedesk.quality.QualityInspection.CANDIDATE_GROUP;
import static org.servicedesk.quality.QualityInspection.END_NOTHING_TO_INSPECT;
import static org.servicedesk.quality.QualityInspection.END_TICKETS_INSPECTED;
import static org.servicedesk.quality.QualityInspection.FIELD_ATTITUDE_SCORE;
import static org.servicedesk.quality.QualityInspection.FIELD_INSPECTION_NOTES;
import static org.servicedesk.quality.QualityInspection.FIELD_PROCESS_COMPLIANCE;
import static org.servicedesk.quality.QualityInspection.FIELD_REQUEST_UNDERSTOOD;
import static org.servicedesk.quality.QualityInspection.FIELD_SOLUTION_EFFECTIVE;
import static org.servicedesk.quality.QualityInspection.PROCESS_ID;
import static org.servicedesk.quality.QualityInspection.START_EVERY_MONDAY;
import static org.servicedesk.quality.QualityInspection.TASK_INSPECT_TICKET;
import static org.servicedesk.quality.QualityInspection.TASK_SAMPLE_CLOSED_TICKETS;
import static org.servicedesk.quality.QualityInspection.VAR_SAMPLED_TICKETS;
import static org.servicedesk.quality.QualityInspection.VAR_WEEK;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.CoveredProcessTest;
import org.servicedesk.TicketScenario;
import org.servicedesk.TimerStart;
import org.servicedesk.privacy.CustomerErasure;
import org.servicedesk.privacy.FieldCipher;
import org.servicedesk.system.StartTimerScheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every path through {@code QualityInspectionProcess}, driven by the clock: the Monday 09:00
 * sample of last week's closed tickets (every dissatisfied one, 10 % rounded up, at least one),
 * one inspection task per sampled ticket with its scores saved, a week without closed tickets,
 * a week sampled twice, and scores that are refused. Tickets are inserted as rows: the
 * lifecycle is not run here.
 */
@CoveredProcessTest
@TestPropertySource(properties = "servicedesk.quality-inspection.enabled=true")
class QualityInspectionProcessTest {

    /** Sunday 2026-03-01 20:00 in Shanghai: the end of ISO week 2026-W09 is 4 hours ahead. */
    static final Instant SUNDAY_EVENING = Instant.parse("2026-03-01T12:00:00Z");

    /** Monday 2026-03-02 09:00 in Shanghai. */
    static final Instant MONDAY_9AM = Instant.parse("2026-03-02T01:00:00Z");

    /** Start of ISO week 2026-W09 in Shanghai: Monday 2026-02-23 00:00. */
    static final Instant W09 = Instant.parse("2026-02-22T16:00:00Z");

    static final Duration WEEK = Duration.ofDays(7);

    static final String CUSTOMER = "张三";
    static final String PHONE = "13812345678";
    static final String EMAIL = "zhang.san@example.cn";

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired FormService formService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired InspectionRepository inspections;
    @Autowired StartTimerScheduler scheduler;
    @Autowired JdbcTemplate jdbc;
    /** Personal columns are stored encrypted (docs/security.md): the rows are written as the application would. */
    @Autowired FieldCipher cipher;
    @Autowired CustomerErasure erasure;

    TicketScenario scenario;

    final String prefix = "QI" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);

    int tickets;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        scenario = new TicketScenario(runtimeService, taskService, managementService);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void onMondayAt9LastWeeksClosedTicketsAreSampledAndAnInspectorScoresEach() {
        List<Long> dissatisfied = List.of(closed(W09.plus(Duration.ofHours(1)), 5, 5, 2, 5, 4),
                closed(W09.plus(Duration.ofDays(3)), 3, 3, 3, 3, 1));
        closed(W09.plus(Duration.ofDays(4)), 5, 5, 5, 5, 5);
        for (int i = 0; i < 22; i++) {
            closed(W09.plus(Duration.ofHours(5 * i + 2)));
        }
        // not closed in the week: at its end, before it, still open
        closed(W09.plus(WEEK), 1, 1, 1, 1, 1);
        closed(W09.minusSeconds(1), 1, 1, 1, 1, 1);
        ticket(null, "IN_PROGRESS");

        Job timer = timerStart().arm(SUNDAY_EVENING);
        // 09:00 in Shanghai, not 09:00 of the JVM's zone (UTC here)
        assertThat(timer.getDuedate().toInstant()).isEqualTo(MONDAY_9AM);
        assertThat(scenario.executeDueJobs()).isZero();

        setClock(MONDAY_9AM);
        ProcessInstance instance = timerStart().fire(timer);
        assertThat(instance).isWaitingAt(TASK_SAMPLE_CLOSED_TICKETS).variables().containsEntry(VAR_WEEK, "2026-W09");
        scenario.executeDueJobs();

        // 25 closed: 10 % rounded up is 3, the two dissatisfied ones and one drawn at random
        assertThat(instance).isWaitingAt(TASK_INSPECT_TICKET).variables().containsEntry(VAR_SAMPLED_TICKETS, 3);
        List<Inspection> sample = inspections.findByProcessInstanceIdOrderByIdAsc(instance.getId());
        assertThat(sample).hasSize(3).allSatisfy(row -> {
            assertThat(row.getSampleWeek()).isEqualTo("2026-W09");
            assertThat(row.getSampledAt()).isEqualTo(MONDAY_9AM);
            assertThat(row.getInspectedAt()).isNull();
        });
        assertThat(sample).filteredOn(row -> row.getReason() == SampleReason.DISSATISFIED)
                .extracting(Inspection::getTicketId).containsExactlyInAnyOrderElementsOf(dissatisfied);
        assertThat(sample).filteredOn(row -> row.getReason() == SampleReason.RANDOM).singleElement()
                .satisfies(row -> assertThat(row.getTicketId()).isNotIn(dissatisfied));

        List<Task> tasks = inspectionTasks(instance);
        assertThat(tasks).hasSize(3);
        for (Task task : tasks) {
            assertThat(taskService.getIdentityLinksForTask(task.getId()))
                    .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(CANDIDATE_GROUP));
            Map<String, Object> context = taskService.getVariablesLocal(task.getId());
            String number = (String) context.get("ticketNumber");
            assertThat(task.getName()).isEqualTo(number + " · " + subject(number) + " — Inspect ticket");
            assertThat(context).containsEntry("sampleWeek", "2026-W09").containsEntry("category", "REPAIR")
                    .containsEntry("closeReason", "CONFIRMED").containsEntry("customerDisplay", "张* · 138****5678")
                    .containsKeys("ticketHistory", "slaClocks", "surveyScores", "sampleReason", "closedAt")
                    .containsEntry(FIELD_INSPECTION_NOTES, null);
        }
        Task first = tasks.get(0);
        assertThat(taskService.getVariablesLocal(first.getId()).get("sampleReason"))
                .isEqualTo("Dissatisfied survey answer (a score of 2 or less)");
        assertThat(taskService.getVariablesLocal(first.getId()).get("surveyScores")).isEqualTo(
                "Response speed 5 · resolution efficiency 5 · attitude 2 · effectiveness 5 · overall 4 (of 5)");
        assertDeployedFormAsksEveryScore(first);

        // Tasklist submits the form: the values land on the task
        taskService.claim(first.getId(), "quinn");
        formService.submitTaskForm(first.getId(), scores("PASS", "FAIL", "4", "PASS", "Good tone; the fix did not hold."));
        // a client of the engine's REST API completes with variables: they are taken off the process again
        complete(tasks.get(1), scores("PASS", "PASS", "5", "PASS", "Exemplary."));
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys(FIELD_REQUEST_UNDERSTOOD,
                FIELD_SOLUTION_EFFECTIVE, FIELD_ATTITUDE_SCORE, FIELD_PROCESS_COMPLIANCE, FIELD_INSPECTION_NOTES);
        complete(tasks.get(2), scores("FAIL", "PASS", "3", "FAIL", "Response late, escalation reason missing."));
        // each completed instance goes on in a job of its own (no conflict between inspectors)
        assertThat(instance).isNotEnded();
        assertThat(scenario.executeDueJobs()).isEqualTo(3);

        assertThat(instance).hasPassed(TASK_INSPECT_TICKET, END_TICKETS_INSPECTED).isEnded();
        Inspection scored = inspections.findById(sample.get(0).getId()).orElseThrow();
        assertThat(scored.getInspector()).isEqualTo("quinn");
        assertThat(scored.getInspectedAt()).isEqualTo(MONDAY_9AM);
        assertThat(inspections.findByProcessInstanceIdOrderByIdAsc(instance.getId()))
                .extracting(Inspection::getRequestUnderstood, Inspection::getSolutionEffective, Inspection::getAttitude,
                        Inspection::getProcessCompliant, Inspection::getNotes)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(true, false, 4, true, "Good tone; the fix did not hold."),
                        org.assertj.core.groups.Tuple.tuple(true, true, 5, true, "Exemplary."),
                        org.assertj.core.groups.Tuple.tuple(false, true, 3, false,
                                "Response late, escalation reason missing."));

        // the process holds the week, the sample's size and ids; no personal data anywhere
        List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).list();
        assertThat(variables).filteredOn(variable -> instance.getId().equals(variable.getActivityInstanceId()))
                .extracting(HistoricVariableInstance::getName)
                .containsExactlyInAnyOrder(VAR_WEEK, VAR_SAMPLED_TICKETS);
        assertThat(variables).filteredOn(variable -> variable.getTaskId() == null)
                .extracting(HistoricVariableInstance::getName)
                .doesNotContain(FIELD_INSPECTION_NOTES, FIELD_REQUEST_UNDERSTOOD, FIELD_ATTITUDE_SCORE);
        assertThat(variables).allSatisfy(variable -> assertThat(String.valueOf(variable.getValue()))
                .doesNotContain(CUSTOMER, PHONE, EMAIL));
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list())
                .allSatisfy(task -> assertThat(task.getName()).doesNotContain(CUSTOMER, PHONE, EMAIL));
        assertThat(instance.getBusinessKey()).isNull();
    }

    @Test
    void everyDissatisfiedTicketIsSampledAndAtLeastOneWhenAnyClosed() {
        Instant w16 = W09.plus(WEEK.multipliedBy(7));
        closed(w16.plus(Duration.ofHours(3)), 2, 4, 4, 4, 4);
        closed(w16.plus(Duration.ofHours(4)), 4, 4, 4, 2, 4);
        for (int i = 0; i < 3; i++) {
            closed(w16.plus(Duration.ofHours(10 + i)));
        }
        ProcessInstance w16Run = runOn(mondayAfter(w16), "2026-W16");
        assertThat(inspections.findByProcessInstanceIdOrderByIdAsc(w16Run.getId()))
                .as("10 % of 5 is 1, but both dissatisfied tickets go in").hasSize(2)
                .allSatisfy(row -> assertThat(row.getReason()).isEqualTo(SampleReason.DISSATISFIED));
        assertThat(inspectionTasks(w16Run)).hasSize(2);

        Instant w17 = w16.plus(WEEK);
        for (int i = 0; i < 3; i++) {
            closed(w17.plus(Duration.ofHours(10 + i)), 3, 3, 3, 3, 3);
        }
        ProcessInstance w17Run = runOn(mondayAfter(w17), "2026-W17");
        assertThat(inspections.findByProcessInstanceIdOrderByIdAsc(w17Run.getId())).singleElement()
                .satisfies(row -> assertThat(row.getReason()).isEqualTo(SampleReason.RANDOM));
    }

    @Test
    void aWeekWithoutClosedTicketsOrSampledBeforeHasNothingToInspect() {
        Instant w12 = W09.plus(WEEK.multipliedBy(3));
        ticket(null, "IN_PROGRESS");
        ProcessInstance empty = runOn(mondayAfter(w12), "2026-W12");
        assertThat(empty).hasPassed(END_NOTHING_TO_INSPECT).hasNotPassed(TASK_INSPECT_TICKET).isEnded()
                .variables().containsEntry(VAR_SAMPLED_TICKETS, 0);

        Instant w13 = w12.plus(WEEK);
        long only = closed(w13.plus(Duration.ofDays(2)));
        ProcessInstance first = runOn(mondayAfter(w13), "2026-W13");
        assertThat(inspectionTasks(first)).hasSize(1);
        // the same week again (a second start): nothing new is drawn, no task twice
        ProcessInstance again = runtimeService.createProcessInstanceByKey(PROCESS_ID).setVariable(VAR_WEEK, "2026-W13")
                .execute();
        scenario.executeDueJobs();
        assertThat(again).hasPassed(END_NOTHING_TO_INSPECT).isEnded();
        assertThat(inspections.findBySampleWeekOrderByIdAsc("2026-W13")).extracting(Inspection::getTicketId)
                .containsExactly(only);
        assertThat(inspectionTasks(first)).hasSize(1);
    }

    @Test
    void scoresThatAreMissingOrOutOfRangeAreRefused() {
        Instant w14 = W09.plus(WEEK.multipliedBy(5));
        closed(w14.plus(Duration.ofDays(1)));
        ProcessInstance instance = runOn(mondayAfter(w14), "2026-W14");
        Task task = inspectionTasks(instance).get(0);
        taskService.claim(task.getId(), "quinn");

        assertThatThrownBy(() -> taskService.complete(task.getId(), scores("PASS", "PASS", "4", "PASS", " ")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(FIELD_INSPECTION_NOTES);
        assertThatThrownBy(() -> taskService.complete(task.getId(), scores("PASS", "PASS", "6", "PASS", "ok")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(FIELD_ATTITUDE_SCORE);
        assertThatThrownBy(() -> taskService.complete(task.getId(), scores("PASS", "PASS", "4.5", "PASS", "ok")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(FIELD_ATTITUDE_SCORE);
        assertThatThrownBy(() -> taskService.complete(task.getId(), scores("MAYBE", "PASS", "4", "PASS", "ok")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(FIELD_REQUEST_UNDERSTOOD);
        Map<String, Object> missing = scores("PASS", "PASS", "4", "PASS", "ok");
        missing.remove(FIELD_PROCESS_COMPLIANCE);
        assertThatThrownBy(() -> taskService.complete(task.getId(), missing))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(FIELD_PROCESS_COMPLIANCE);
        assertThat(inspections.findByProcessInstanceIdOrderByIdAsc(instance.getId()).get(0).getInspectedAt()).isNull();

        // a number field would send a number: taken as well
        Map<String, Object> numeric = scores("pass", "FAIL", "2", "PASS", "Curt replies.");
        numeric.put(FIELD_ATTITUDE_SCORE, 2L);
        taskService.complete(task.getId(), numeric);
        scenario.executeDueJobs();
        assertThat(instance).hasPassed(END_TICKETS_INSPECTED).isEnded();
        assertThat(inspections.findByProcessInstanceIdOrderByIdAsc(instance.getId()).get(0))
                .satisfies(row -> assertThat(row.getAttitude()).isEqualTo(2))
                .satisfies(row -> assertThat(row.passed()).isFalse());
    }

    @Test
    void erasingACustomerErasesTheirTicketsInspectionButNotTheWeeksOthers() {
        Instant w20 = W09.plus(WEEK.multipliedBy(11));
        long erasedCustomer = customer();
        long erased = closed(w20.plus(Duration.ofHours(3)), 1, 1, 1, 1, 1);
        long kept = closed(w20.plus(Duration.ofHours(4)), 2, 2, 2, 2, 2);
        long alsoErased = closed(w20.plus(Duration.ofHours(5)), 1, 2, 1, 2, 1);
        jdbc.update("update ticket set customer_id = ? where id in (?, ?)", erasedCustomer, erased, alsoErased);
        ProcessInstance week = runOn(mondayAfter(w20), "2026-W20");
        List<Task> tasks = inspectionTasks(week);
        assertThat(tasks).hasSize(3);
        String erasedNumber = number(erased);
        String alsoErasedNumber = number(alsoErased);
        // one of the erased customer's inspections is done, one still open
        Task done = tasks.stream().filter(task -> task.getName().startsWith(erasedNumber)).findFirst().orElseThrow();
        complete(done, scores("PASS", "PASS", "5", "PASS", "Called back the same day."));
        scenario.executeDueJobs();

        erasure.erase(erasedCustomer, "admin");

        List<Task> open = inspectionTasks(week);
        assertThat(open).singleElement().satisfies(task -> assertThat(task.getName()).startsWith(number(kept)));
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(week.getId()).list())
                .extracting(HistoricTaskInstance::getName)
                .noneMatch(name -> name.contains(erasedNumber) || name.contains(alsoErasedNumber));
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(week.getId()).list())
                .allSatisfy(variable -> assertThat(String.valueOf(variable.getValue())).doesNotContain(erasedNumber,
                        alsoErasedNumber, subject(erasedNumber), "Called back the same day."));
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(week.getId()).variableUpdates().list())
                .isNotEmpty().allSatisfy(detail -> assertThat(String.valueOf(
                        ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getValue()))
                        .doesNotContain(erasedNumber, "Called back the same day."));
        assertThat(inspections.findByProcessInstanceIdOrderByIdAsc(week.getId())).extracting(Inspection::getTicketId)
                .containsExactly(kept);

        // the week's other inspection goes on, and the instance still ends
        complete(open.get(0), scores("PASS", "FAIL", "3", "PASS", "Slow."));
        scenario.executeDueJobs();
        assertThat(week).hasPassed(END_TICKETS_INSPECTED).isEnded();
    }

    @Test
    void theSampleIsTenPercentRoundedUp() {
        BigDecimal rate = new BigDecimal("0.10");
        assertThat(QualitySampler.targetSize(0, rate)).isZero();
        assertThat(QualitySampler.targetSize(1, rate)).isEqualTo(1);
        assertThat(QualitySampler.targetSize(10, rate)).isEqualTo(1);
        assertThat(QualitySampler.targetSize(11, rate)).isEqualTo(2);
        assertThat(QualitySampler.targetSize(30, rate)).as("no floating-point 3.0000000000000004").isEqualTo(3);
        assertThat(QualitySampler.targetSize(7, BigDecimal.ONE)).isEqualTo(7);
        List<QualitySampler.Closed> closed = new ArrayList<>();
        for (long id = 1; id <= 40; id++) {
            closed.add(new QualitySampler.Closed(id, id % 10 == 0));
        }
        List<QualitySampler.Closed> drawn = QualitySampler.draw(closed, rate, new Random(7));
        assertThat(drawn).hasSize(4).doesNotHaveDuplicates();
        assertThat(drawn).filteredOn(QualitySampler.Closed::dissatisfied).hasSize(4);
        assertThat(QualitySampler.draw(closed.subList(0, 9), rate, new Random(7))).hasSize(1)
                .allSatisfy(ticket -> assertThat(ticket.dissatisfied()).isFalse());
    }

    // --- helpers ---

    /** The form bound to the task asks each score as a required field under the listener's keys. */
    private void assertDeployedFormAsksEveryScore(Task task) {
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            JsonNode json = new ObjectMapper().readTree(form);
            Map<String, JsonNode> fields = new HashMap<>();
            collect(json, fields);
            assertThat(fields).containsOnlyKeys(FIELD_REQUEST_UNDERSTOOD, FIELD_SOLUTION_EFFECTIVE,
                    FIELD_ATTITUDE_SCORE, FIELD_PROCESS_COMPLIANCE, FIELD_INSPECTION_NOTES);
            assertThat(fields.values()).allSatisfy(field -> assertThat(field.at("/validate/required").asBoolean())
                    .isTrue());
            assertThat(json.get("id").asText()).isEqualTo(QualityInspection.FORM_ID);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, Map<String, JsonNode> fields) {
        if (node.has("key")) {
            fields.put(node.get("key").asText(), node);
        }
        if (node.has("components")) {
            node.get("components").forEach(child -> collect(child, fields));
        }
    }

    /** The timer of the Monday after {@code week}'s Sunday fires at {@code monday9am}; the sample job runs. */
    private ProcessInstance runOn(Instant monday9am, String week) {
        Job timer = timerStart().arm(monday9am.minus(Duration.ofHours(13)));
        assertThat(timer.getDuedate().toInstant()).isEqualTo(monday9am);
        setClock(monday9am);
        ProcessInstance instance = timerStart().fire(timer);
        assertThat(instance).variables().containsEntry(VAR_WEEK, week);
        scenario.executeDueJobs();
        return instance;
    }

    /** Monday 09:00 in Shanghai after the week that starts at {@code weekStart}. */
    private static Instant mondayAfter(Instant weekStart) {
        return weekStart.plus(WEEK).plus(Duration.ofHours(9));
    }



    private TimerStart timerStart() {
        return new TimerStart(runtimeService, managementService, scheduler, PROCESS_ID, START_EVERY_MONDAY);
    }

    private List<Task> inspectionTasks(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_INSPECT_TICKET)
                .orderByTaskId().asc().list();
    }

    private void complete(Task task, Map<String, Object> scores) {
        taskService.claim(task.getId(), "quinn");
        taskService.complete(task.getId(), scores);
    }

    private static Map<String, Object> scores(String understood, String effective, String attitude, String compliance,
            String notes) {
        Map<String, Object> values = new HashMap<>();
        values.put(FIELD_REQUEST_UNDERSTOOD, understood);
        values.put(FIELD_SOLUTION_EFFECTIVE, effective);
        values.put(FIELD_ATTITUDE_SCORE, attitude);
        values.put(FIELD_PROCESS_COMPLIANCE, compliance);
        values.put(FIELD_INSPECTION_NOTES, notes);
        return values;
    }

    /** A ticket closed at {@code closedAt} (confirmed), with an answered survey when scores are given. */
    private long closed(Instant closedAt, int... scores) {
        long id = ticket(closedAt, "CLOSED");
        if (scores.length == 5) {
            jdbc.update("""
                    insert into survey (ticket_id, token, status, sent_at, answered_at, response_speed,
                        resolution_efficiency, attitude, effectiveness, overall, version)
                    values (?, ?, 'ANSWERED', ?, ?, ?, ?, ?, ?, ?, 0)
                    """, id, UUID.randomUUID().toString(), at(closedAt.plusSeconds(3600)),
                    at(closedAt.plusSeconds(7200)), scores[0], scores[1], scores[2], scores[3], scores[4]);
        }
        return id;
    }

    private long ticket(Instant closedAt, String status) {
        String number = prefix + "-" + (++tickets);
        long id = jdbc.queryForObject("select next value for ticket_id_seq", Long.class);
        jdbc.update("""
                insert into ticket (id, number, contact_name, contact_phone, contact_email, channel, category, priority,
                    subject, description, status, resolution, resolved_tier, first_responded_at, closed_at,
                    close_reason, created_at, version)
                values (?, ?, ?, ?, ?, 'PHONE', 'REPAIR', 'P1', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """, id, number, sealed("ticket", "contact_name", id, CUSTOMER), sealed("ticket", "contact_phone", id, PHONE),
                sealed("ticket", "contact_email", id, EMAIL), sealed("ticket", "subject", id, subject(number)),
                sealed("ticket", "description", id, "Oven O-7 does not heat."), status,
                closedAt == null ? null : sealed("ticket", "resolution", id, "Replaced the heating element."),
                closedAt == null ? null : 2,
                closedAt == null ? null : at(closedAt.minusSeconds(86_000)), at(closedAt),
                closedAt == null ? null : "CONFIRMED", at(closedAt == null ? Instant.now() : closedAt.minusSeconds(90_000)));
        return id;
    }

    private long customer() {
        long id = jdbc.queryForObject("select next value for customer_id_seq", Long.class);
        jdbc.update("insert into customer (id, name, phone, tier, language, preferred_channel, created_at)"
                + " values (?, ?, ?, 'STANDARD', 'zh', 'PHONE', ?)", id, sealed("customer", "name", id, CUSTOMER),
                sealed("customer", "phone", id, PHONE), at(Instant.now()));
        return id;
    }

    /** A value as the application stores it in this cell. */
    private String sealed(String table, String column, long id, String value) {
        return cipher.encrypt(value, new FieldCipher.Cell(table, column, id));
    }

    private String number(long ticketId) {
        return jdbc.queryForObject("select number from ticket where id = ?", String.class, ticketId);
    }

    private static String subject(String number) {
        return "Oven does not heat (" + number.substring(number.indexOf('-') + 1) + ")";
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
