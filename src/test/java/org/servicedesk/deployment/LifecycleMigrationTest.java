package org.servicedesk.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.servicedesk.TicketScenario.newTicket;
import static org.servicedesk.TicketScenario.setClock;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.LoggedIn;
import org.servicedesk.TicketScenario;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Confirmation;
import org.servicedesk.ticket.CustomerConfirmations;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.sla.ClockKind;
import org.servicedesk.sla.SlaClockProcess;
import org.servicedesk.sla.SlaClocks;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketRepository;
import org.servicedesk.ticket.Timeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An analyst changes the ticket lifecycle, deploys it and moves the running tickets to the new
 * version through {@code POST /api/process-migrations/ticket-lifecycle}: a dry run changes
 * nothing, a real run keeps every SLA timer's job and due date and the task with its assignee, and
 * the ticket then runs to its end on the new version. A version that would lose an activity or an
 * SLA timer of a waiting ticket is refused and nothing moves. Its own application context (the
 * property below): it deploys versions and migrates every running ticket, which must not reach
 * other test classes' tickets.
 */
@SpringBootTest(properties = "lifecycle-migration-test=own-context")
@ActiveProfiles("test")
class LifecycleMigrationTest {

    static final String ENDPOINT = "/api/process-migrations/ticket-lifecycle";

    /** Monday 2026-11-23 09:00 in Shanghai. */
    static final Instant MONDAY_9AM = Instant.parse("2026-11-23T01:00:00Z");

    @Autowired WebApplicationContext context;
    @Autowired ProcessEngine processEngine;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired TicketIntake intake;
    @Autowired CustomerConfirmations confirmations;
    @Autowired TicketRepository tickets;
    @Autowired Timeline timeline;
    @Autowired ObjectMapper json;
    @Autowired SlaClocks clocks;

    MockMvc mvc;

    TicketScenario scenario;

    /** The variables lifecycle 3.0's user tasks read their due dates from. */
    private static final Set<String> LEGACY_DUE_DATE_VARIABLES = Set.of("responseDueAt", "tier2FeedbackDueAt",
            "resolutionDueAt");

    final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        scenario = new TicketScenario(runtimeService, taskService, managementService);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        setClock(MONDAY_9AM);
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
        runtimeService.createProcessInstanceQuery().processDefinitionKey(TicketLifecycle.PROCESS_ID).list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test done", true));
    }

    @Test
    void aTicketAtTier2MovesWithItsTimersAndAssigneeAndClosesOnTheNewVersion() throws Exception {
        String number = atTier2ClaimedByCarol();
        ProcessInstance instance = scenario.lifecycle(number);
        ProcessDefinition old = definitionOf(instance);
        Map<String, Instant> timersBefore = slaTimers(number);
        assertThat(timersBefore).containsOnlyKeys("TIER2_FEEDBACK " + SlaClockProcess.BOUNDARY_SLA_WARNING_DUE,
                "TIER2_FEEDBACK " + SlaClockProcess.BOUNDARY_SLA_BREACHED,
                "TIER2_FEEDBACK " + SlaClockProcess.BOUNDARY_SLA_ESCALATION_DUE,
                "RESOLUTION " + SlaClockProcess.BOUNDARY_SLA_WARNING_DUE, "RESOLUTION " + SlaClockProcess.BOUNDARY_SLA_BREACHED,
                "RESOLUTION " + SlaClockProcess.BOUNDARY_SLA_ESCALATION_DUE);
        assertThat(timersBefore).allSatisfy((activity, due) -> assertThat(due).isAfter(MONDAY_9AM));
        Set<String> timerJobsBefore = slaTimerJobIds(number);
        Task taskBefore = scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER2);

        ProcessDefinition changed = deploy(bpmn -> replaceOnce(
                replaceOnce(bpmn, "name=\"Handle at tier 2\"", "name=\"Diagnose at tier 2\""),
                "camunda:versionTag=\"3.1\"", "camunda:versionTag=\"3.2\""));
        assertThat(changed.getVersion()).isEqualTo(old.getVersion() + 1);

        JsonNode dryRun = ok(migrate("ana", "{\"sourceVersion\": " + old.getVersion() + "}"));
        assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.path("targetVersion").asInt()).isEqualTo(changed.getVersion());
        assertThat(dryRun.path("targetVersionTag").asText()).isEqualTo("3.2");
        JsonNode source = dryRun.path("sources").get(0);
        assertThat(source.path("version").asInt()).isEqualTo(old.getVersion());
        assertThat(source.path("versionTag").asText()).isEqualTo("3.1");
        assertThat(source.path("runningInstances").asInt()).isEqualTo(1);
        assertThat(source.path("checked").asInt()).isEqualTo(1);
        assertThat(source.path("migratable").asInt()).isEqualTo(1);
        assertThat(source.path("migrated").asInt()).isZero();
        assertThat(source.path("unmappedActivities")).isEmpty();
        assertThat(source.path("planProblems")).isEmpty();
        assertThat(source.path("notMigratable")).isEmpty();
        // nothing changed
        assertThat(definitionOf(instance).getId()).isEqualTo(old.getId());
        assertThat(slaTimers(number)).isEqualTo(timersBefore);
        assertThat(slaTimerJobIds(number)).isEqualTo(timerJobsBefore);
        assertThat(timeline.of(ticketId(number))).noneMatch(e -> e.getAction().equals("LIFECYCLE_MIGRATED"));

        JsonNode run = ok(migrate("ana", "{\"sourceVersion\": " + old.getVersion() + ", \"dryRun\": false}"));
        assertThat(run.path("dryRun").asBoolean()).isFalse();
        assertThat(run.path("sources").get(0).path("migrated").asInt()).isEqualTo(1);
        assertThat(run.path("sources").get(0).path("remaining").asInt()).isZero();

        assertThat(definitionOf(instance).getId()).isEqualTo(changed.getId());
        assertThat(slaTimers(number)).as("the same SLA timers, due when they were").isEqualTo(timersBefore);
        assertThat(slaTimerJobIds(number)).as("the same timer jobs, not new ones").isEqualTo(timerJobsBefore);
        Task taskAfter = scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER2);
        assertThat(taskAfter.getId()).isEqualTo(taskBefore.getId());
        assertThat(taskAfter.getAssignee()).isEqualTo("carol");
        assertThat(taskAfter.getDueDate()).isEqualTo(taskBefore.getDueDate());
        assertThat(taskAfter.getProcessDefinitionId()).isEqualTo(changed.getId());
        // the engine does not reinitialise a migrated task: its name stays; tasks created from now on get the new one
        assertThat(taskAfter.getName()).isEqualTo(taskBefore.getName()).endsWith("Handle at tier 2");
        assertThat(timeline.of(ticketId(number))).anySatisfy(event -> {
            assertThat(event.getAction()).isEqualTo(TicketAction.LIFECYCLE_MIGRATED.name());
            assertThat(event.getActor()).isEqualTo("ana");
            assertThat(event.getDetail()).isEqualTo("Ticket lifecycle version " + old.getVersion() + " (3.1) → version "
                    + changed.getVersion() + " (3.2)");
        });

        // on to the end, on the new version: resolved, sent back by the review, resolved again, confirmed
        scenario.resolveAtTier2(number, "Firmware 2.4.1 installed remotely; jams fixed.");
        scenario.review(number, false, "Tell the customer how to check the firmware version");
        assertThat(scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER2).getName()).endsWith("Diagnose at tier 2");
        scenario.resolveAtTier2(number, "Firmware 2.4.1 installed remotely; the menu shows it under Settings.");
        scenario.review(number, true, "Compliant");
        assertThat(instance).isWaitingAt(TicketLifecycle.EVENT_AWAIT_CONFIRMATION);
        confirmations.answer(number, new Confirmation(true, null));
        assertThat(instance).hasPassed("Task_UpdateKnowledgeBase").isEnded();
        HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult();
        assertThat(ended.getEndActivityId()).isEqualTo(TicketLifecycle.END_TICKET_CLOSED);
        assertThat(ended.getProcessDefinitionId()).isEqualTo(changed.getId());
        HistoricActivityInstance closed = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId(TicketLifecycle.END_TICKET_CLOSED).singleResult();
        assertThat(closed.getProcessDefinitionId()).isEqualTo(changed.getId());
    }

    /**
     * The clocks are the one home of a ticket's due dates: a ticket on the shipped lifecycle carries
     * no copy of them, and its tasks' due dates are the clocks' (each arrival at tier 2 its own round's).
     */
    @Test
    void aTicketOnTheShippedLifecycleReadsItsTaskDueDatesFromTheClocks() {
        String number = intake.create(newTicket(Category.TECHNICAL_FAULT, Priority.P1)).getNumber();
        scenario.executeDueJobs();
        Long ticketId = ticketId(number);
        assertThat(scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER1).getDueDate())
                .isEqualTo(clockDue(ticketId, ClockKind.RESPONSE));
        scenario.escalateFromTier1(number, "Needs remote diagnosis of the firmware");
        scenario.claim(number, TicketLifecycle.TASK_HANDLE_TIER2, "carol");
        Date firstRound = clockDue(ticketId, ClockKind.TIER2_FEEDBACK);
        assertThat(scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER2).getDueDate()).isEqualTo(firstRound);

        setClock(MONDAY_9AM.plusSeconds(3 * 3600));
        scenario.resolveAtTier2(number, "Firmware 2.4.1 installed remotely; jams fixed.");
        assertThat(scenario.openTask(number, TicketLifecycle.TASK_REVIEW_RESOLUTION).getDueDate())
                .isEqualTo(clockDue(ticketId, ClockKind.RESOLUTION));
        scenario.review(number, false, "Tell the customer how to check the firmware version");
        Date secondRound = clockDue(ticketId, ClockKind.TIER2_FEEDBACK);
        assertThat(secondRound).isAfter(firstRound);
        assertThat(scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER2).getDueDate()).isEqualTo(secondRound);

        assertThat(historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(scenario.lifecycle(number).getId()).list())
                .extracting(HistoricVariableInstance::getName)
                .doesNotContain(LEGACY_DUE_DATE_VARIABLES.toArray(String[]::new));
    }

    /**
     * Lifecycle 3.0 read its task due dates from process variables; its running tickets keep getting
     * them until they move to a version whose tasks read the clocks, and then get no more.
     */
    @Test
    void aTicketStartedOnLifecycle30KeepsItsDueDateVariablesUntilMigrated() throws Exception {
        ProcessDefinition legacy = deploy(bpmn -> replaceOnce(replaceOnce(
                replaceOnce(bpmn, "camunda:versionTag=\"3.1\"", "camunda:versionTag=\"3.0\""),
                "${slaDueDates.response(ticketId)}", "${responseDueAt}"),
                "${slaDueDates.tier2Feedback(ticketId)}", "${tier2FeedbackDueAt}")
                .replace("${slaDueDates.resolution(ticketId)}", "${resolutionDueAt}")); // tier 3 and the review
        String number = atTier2ClaimedByCarol();
        ProcessInstance instance = scenario.lifecycle(number);
        assertThat(definitionOf(instance).getId()).isEqualTo(legacy.getId());
        Long ticketId = ticketId(number);
        Date firstRound = clockDue(ticketId, ClockKind.TIER2_FEEDBACK);
        assertThat(runtimeService.getVariables(instance.getId())).containsEntry("responseDueAt",
                clockDue(ticketId, ClockKind.RESPONSE)).containsEntry("resolutionDueAt",
                clockDue(ticketId, ClockKind.RESOLUTION)).containsEntry("tier2FeedbackDueAt", firstRound);
        assertThat(scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER2).getDueDate()).isEqualTo(firstRound);

        ProcessDefinition current = deploy(bpmn -> replaceOnce(bpmn, "camunda:versionTag=\"3.1\"",
                "camunda:versionTag=\"3.2\""));
        ok(migrate("ana", "{\"sourceVersion\": " + legacy.getVersion() + ", \"dryRun\": false}"));
        assertThat(definitionOf(instance).getId()).isEqualTo(current.getId());

        setClock(MONDAY_9AM.plusSeconds(3 * 3600));
        scenario.resolveAtTier2(number, "Firmware 2.4.1 installed remotely; jams fixed.");
        scenario.review(number, false, "Tell the customer how to check the firmware version");
        Date secondRound = clockDue(ticketId, ClockKind.TIER2_FEEDBACK);
        assertThat(secondRound).isAfter(firstRound);
        assertThat(scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER2).getDueDate()).isEqualTo(secondRound);
        assertThat(runtimeService.getVariable(instance.getId(), "tier2FeedbackDueAt"))
                .as("no longer kept up to date on a version that does not read it").isEqualTo(firstRound);
    }

    private Date clockDue(Long ticketId, ClockKind kind) {
        return Date.from(clocks.latest(ticketId, kind).orElseThrow().getDueAt());
    }

    @Test
    void aVersionWithoutTheActivityATicketWaitsAtIsRefusedAndNothingMoves() throws Exception {
        String number = atTier2ClaimedByCarol();
        ProcessInstance instance = scenario.lifecycle(number);
        ProcessDefinition old = definitionOf(instance);
        Map<String, Instant> timersBefore = timers(instance);
        ProcessDefinition renamed = deploy(bpmn -> bpmn.replace(TicketLifecycle.TASK_HANDLE_TIER2, "Task_DiagnoseTier2"));

        JsonNode source = ok(migrate("ana", "{}")).path("sources").get(0);
        assertThat(source.path("version").asInt()).isEqualTo(old.getVersion());
        assertThat(strings(source.path("unmappedActivities"))).containsExactly(TicketLifecycle.TASK_HANDLE_TIER2);
        assertThat(source.path("migratable").asInt()).isZero();
        JsonNode problem = source.path("notMigratable").get(0);
        assertThat(problem.path("ticketNumber").asText()).isEqualTo(number);
        assertThat(strings(problem.path("reasons"))).anyMatch(reason -> reason.startsWith(TicketLifecycle.TASK_HANDLE_TIER2
                + ": There is no migration instruction"));

        MockHttpServletResponse refused = migrate("ana", "{\"dryRun\": false}");
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode report = json.readTree(refused.getContentAsString()).path("report");
        assertThat(report.path("sources").get(0).path("notMigratable").get(0).path("ticketNumber").asText())
                .isEqualTo(number);
        assertThat(definitionOf(instance).getId()).isEqualTo(old.getId()).isNotEqualTo(renamed.getId());
        assertThat(timers(instance)).isEqualTo(timersBefore);
        assertThat(refused.getContentAsString()).doesNotContain(TicketScenario.CUSTOMER_NAME, TicketScenario.CUSTOMER_PHONE);
    }

    @Test
    void aVersionThatWouldDropAWaitingTimerIsRefusedForAllTickets() throws Exception {
        String atTier2 = atTier2ClaimedByCarol();
        scenario.askCustomer(atTier2, TicketLifecycle.TASK_HANDLE_TIER2, "carol", "Which firmware build is installed?");
        String atTier1 = intake.create(newTicket(Category.INQUIRY, Priority.P2)).getNumber();
        scenario.executeDueJobs();
        ProcessDefinition old = definitionOf(scenario.lifecycle(atTier2));
        Map<String, Instant> timersBefore = timers(scenario.lifecycle(atTier2));
        assertThat(timersBefore).containsOnlyKeys(TicketLifecycle.BOUNDARY_CUSTOMER_REPLY_OVERDUE);
        // the analyst drops "no reply in time": the engine would delete the waiting timer without a word
        deploy(bpmn -> withoutElements(bpmn, Set.of(TicketLifecycle.BOUNDARY_CUSTOMER_REPLY_OVERDUE,
                "Flow_ToNotifyNoReplyClosure", "Task_NotifyNoReplyClosure", "Flow_NoReplyToClose")));

        JsonNode source = ok(migrate("ana", "{\"dryRun\": true}")).path("sources").get(0);
        assertThat(source.path("runningInstances").asInt()).isEqualTo(2);
        assertThat(source.path("migratable").asInt()).as("the tier-1 ticket has no such timer").isEqualTo(1);
        assertThat(strings(source.path("unmappedActivities")))
                .containsExactly(TicketLifecycle.BOUNDARY_CUSTOMER_REPLY_OVERDUE);
        assertThat(source.path("notMigratable")).hasSize(1);
        JsonNode problem = source.path("notMigratable").get(0);
        assertThat(problem.path("ticketNumber").asText()).isEqualTo(atTier2);
        assertThat(strings(problem.path("reasons"))).containsExactly(TicketLifecycle.BOUNDARY_CUSTOMER_REPLY_OVERDUE
                + ": its waiting timer would be removed (the target has no equal activity)");

        assertThat(migrate("ana", "{\"dryRun\": false}").getStatus()).isEqualTo(409);
        assertThat(definitionOf(scenario.lifecycle(atTier2)).getId()).isEqualTo(old.getId());
        assertThat(definitionOf(scenario.lifecycle(atTier1)).getId()).as("all or nothing").isEqualTo(old.getId());
        assertThat(timers(scenario.lifecycle(atTier2))).isEqualTo(timersBefore);
    }

    @Test
    void aNewMajorVersionIsRefusedEvenWithEqualActivities() throws Exception {
        String number = atTier2ClaimedByCarol();
        ProcessDefinition old = definitionOf(scenario.lifecycle(number));
        deploy(bpmn -> replaceOnce(bpmn, "camunda:versionTag=\"3.1\"", "camunda:versionTag=\"4.0\""));

        JsonNode source = ok(migrate("ana", "{}")).path("sources").get(0);
        assertThat(source.path("migratable").asInt()).isZero();
        assertThat(strings(source.path("planProblems").get(0).path("reasons"))).hasSize(1)
                .allMatch(reason -> reason.contains("3.1 to 4.0 is a new major version"));
        assertThat(migrate("ana", "{\"dryRun\": false}").getStatus()).isEqualTo(409);
        assertThat(definitionOf(scenario.lifecycle(number)).getId()).isEqualTo(old.getId());
    }

    @Test
    void analystsAndAdministratorsMayOthersAreRefused() throws Exception {
        assertThat(migrate("ana", "{}").getStatus()).isEqualTo(200);
        assertThat(migrate("admin", "{}").getStatus()).isEqualTo(200);
        for (String user : List.of("alice", "ben", "carol", "dave", "sam", "mia", "quinn", LoggedIn.CHANNEL)) {
            MockHttpServletResponse refused = migrate(user, "{}");
            assertThat(refused.getStatus()).as(user).isEqualTo(403);
            assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        MockHttpServletResponse anonymous = mvc.perform(post(ENDPOINT).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getHeader("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    @Test
    void withoutABodyItIsADryRunOfEveryOlderVersion() throws Exception {
        String number = atTier2ClaimedByCarol();
        ProcessDefinition old = definitionOf(scenario.lifecycle(number));
        deploy(bpmn -> replaceOnce(bpmn, "camunda:versionTag=\"3.1\"", "camunda:versionTag=\"3.2\""));
        MockHttpServletResponse response = mvc.perform(post(ENDPOINT).with(LoggedIn.as("ana"))).andReturn()
                .getResponse();
        JsonNode report = ok(response);
        assertThat(report.path("dryRun").asBoolean()).isTrue();
        assertThat(report.path("sources").get(0).path("migratable").asInt()).isEqualTo(1);
        assertThat(definitionOf(scenario.lifecycle(number)).getId()).isEqualTo(old.getId());
    }

    @Test
    void versionsThatDoNotFitAreBadRequests() throws Exception {
        ProcessDefinition first = latest();
        ProcessDefinition second = deploy(bpmn -> replaceOnce(bpmn, "camunda:versionTag=\"3.1\"",
                "camunda:versionTag=\"3.2\""));
        int v1 = first.getVersion();
        int v2 = second.getVersion();
        badRequest("{\"targetVersion\": 99}", "targetVersion", "There is no version 99");
        badRequest("{\"sourceVersion\": 99}", "sourceVersion", "There is no version 99");
        badRequest("{\"sourceVersion\": 0}", "sourceVersion", "must be greater than 0");
        badRequest("{\"sourceVersion\": " + v2 + "}", "sourceVersion", "both " + v2);
        badRequest("{\"sourceVersion\": " + v1 + ", \"targetVersion\": " + v1 + "}", "sourceVersion", "both " + v1);
        badRequest("{\"sourceVersion\": " + v2 + ", \"targetVersion\": " + v1 + "}", "targetVersion", "older than");
        badRequest("{\"sourceVersion\": " + (v2 + 5) + ", \"targetVersion\": " + (v2 + 7) + "}", "targetVersion",
                "There is no version");
        badRequest("{\"dryRun\": \"yes\"}", "dryRun", null);
        badRequest("{\"dryrun\": false}", "dryrun", null);
        badRequest("{\"sourceVersion\": \"latest\"}", "sourceVersion", null);
    }

    private void badRequest(String body, String field, String detail) throws Exception {
        MockHttpServletResponse response = migrate("ana", body);
        assertThat(response.getStatus()).as(body).isEqualTo(400);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.path("errors").get(0).path("field").asText()).as(body).isEqualTo(field);
        if (detail != null) {
            assertThat(problem.path("detail").asText() + " " + problem.path("errors").get(0).path("message").asText())
                    .as(body).contains(detail);
        }
    }

    /** A P1 technical fault escalated by tier 1 and claimed by carol at tier 2. */
    private String atTier2ClaimedByCarol() {
        String number = intake.create(newTicket(Category.TECHNICAL_FAULT, Priority.P1)).getNumber();
        scenario.executeDueJobs();
        scenario.escalateFromTier1(number, "Needs remote diagnosis of the firmware");
        scenario.claim(number, TicketLifecycle.TASK_HANDLE_TIER2, "carol");
        return number;
    }

    private MockHttpServletResponse migrate(String user, String body) throws Exception {
        return mvc.perform(post(ENDPOINT).with(LoggedIn.as(user)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    private JsonNode ok(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    /** The shipped lifecycle, changed, deployed with the forms it binds by deployment, as a new version. */
    private ProcessDefinition deploy(UnaryOperator<String> change) throws IOException {
        String shipped = new String(new ClassPathResource(TicketLifecycle.RESOURCE).getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        String changed = change.apply(shipped);
        assertThat(changed).isNotEqualTo(shipped);
        DeploymentBuilder deployment = repositoryService.createDeployment().name("analyst-change")
                .addInputStream(TicketLifecycle.RESOURCE, new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8)));
        for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath:forms/*.form")) {
            deployment.addInputStream("forms/" + form.getFilename(), form.getInputStream());
        }
        deployments.add(deployment.deploy().getId());
        return latest();
    }

    private ProcessDefinition latest() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(TicketLifecycle.PROCESS_ID)
                .latestVersion().singleResult();
    }

    private ProcessDefinition definitionOf(ProcessInstance instance) {
        String id = runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getProcessDefinitionId();
        return repositoryService.getProcessDefinition(id);
    }

    /** The instance's timer jobs: activity → due date. */
    private Map<String, Instant> timers(ProcessInstance instance) {
        Map<String, Instant> timers = new TreeMap<>();
        for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
            String activity = managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                    .singleResult().getActivityId();
            assertThat(timers.put(activity, job.getDuedate().toInstant())).isNull();
        }
        return timers;
    }

    /** The timers of the ticket's running SLA clocks (SlaClockProcess instances), by clock and boundary event. */
    private Map<String, Instant> slaTimers(String number) {
        Map<String, Instant> timers = new TreeMap<>();
        for (ProcessInstance clock : runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(SlaClockProcess.PROCESS_ID).processInstanceBusinessKey(number).list()) {
            Object kind = runtimeService.getVariable(clock.getId(), SlaClockProcess.VAR_SLA_CLOCK);
            timers(clock).forEach((activity, due) -> timers.put(kind + " " + activity, due));
        }
        return timers;
    }

    private Set<String> slaTimerJobIds(String number) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(SlaClockProcess.PROCESS_ID)
                .processInstanceBusinessKey(number).list().stream().flatMap(clock -> timerJobIds(clock).stream())
                .collect(java.util.stream.Collectors.toSet());
    }

    private Set<String> timerJobIds(ProcessInstance instance) {
        return Set.copyOf(managementService.createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
                .map(Job::getId).toList());
    }

    private Long ticketId(String number) {
        return tickets.findByNumber(number).orElseThrow().getId();
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(node -> strings.add(node.asText()));
        return strings;
    }

    private static String replaceOnce(String text, String from, String to) {
        assertThat(text.split(java.util.regex.Pattern.quote(from), -1)).as(from).hasSize(2);
        return text.replace(from, to);
    }

    /** The BPMN without the elements of these ids and their diagram shapes and edges. */
    private static String withoutElements(String bpmn, Set<String> ids) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)));
            List<Element> doomed = new ArrayList<>();
            NodeList all = document.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                if (ids.contains(element.getAttribute("id")) || ids.contains(element.getAttribute("bpmnElement"))
                        || ids.contains(element.getTextContent().trim()) && element.getLocalName().matches("incoming|outgoing")) {
                    doomed.add(element);
                }
            }
            assertThat(doomed).hasSizeGreaterThanOrEqualTo(ids.size() * 2);
            doomed.forEach(element -> {
                if (element.getParentNode() != null) {
                    element.getParentNode().removeChild(element);
                }
            });
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
