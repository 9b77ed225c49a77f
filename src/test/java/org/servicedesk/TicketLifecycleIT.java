package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.knowledge.KnowledgeReview;
import org.servicedesk.notification.NotificationRepository;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.survey.FollowUpRepository;
import org.servicedesk.survey.SurveyRepository;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One ticket end to end on PostgreSQL, through the public API and the engine's task service:
 * escalation, review, a rejected solution, rework, confirmation, survey and follow-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "servicedesk.demo.users=true")
@ActiveProfiles({ "postgres", "it" })
class TicketLifecycleIT {

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired TicketRepository tickets;
    @Autowired SurveyRepository surveys;
    @Autowired FollowUpRepository followUps;
    @Autowired JdbcTemplate jdbc;
    @Autowired NotificationRepository notifications;

    TicketScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new TicketScenario(runtimeService, taskService, managementService);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void runsOnPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    }

    @Test
    void aTicketFromIntakeToFollowUp() {
        ResponseEntity<JsonNode> created = staff().postForEntity("/api/tickets", Map.of(
                "customerName", "王芳", "phone", "13600001234", "email", "wang.fang@example.cn",
                "channel", "EMAIL", "category", "TECHNICAL_FAULT", "priority", "P1",
                "subject", "Label printer prints blank labels",
                "description", "LP-20, bought 2025-11; since the update every label is blank."), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = created.getBody().get("number").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/tickets/" + number);
        assertThat(number).matches("CG\\d{8}\\d{3,}");
        assertThat(created.getBody().get("status").asText()).isEqualTo("UNASSIGNED");
        assertThat(created.getBody().get("responseDueAt").asText()).isNotBlank();
        scenario.acknowledge(number);

        scenario.escalateFromTier1(number, "Firmware related, needs remote session");
        assertThat(ticket(number).get("currentTier").asInt()).isEqualTo(2);
        scenario.resolveAtTier2(number, "Rolled back firmware to 3.1");
        assertThat(ticket(number).get("status").asText()).isEqualTo("IN_REVIEW");
        scenario.review(number, true, "OK");
        assertThat(ticket(number).get("status").asText()).isEqualTo("PENDING_CONFIRMATION");

        confirm(number, false, "Still blank after a restart");
        JsonNode reopened = ticket(number);
        assertThat(reopened.get("status").asText()).isEqualTo("UNASSIGNED");
        assertThat(reopened.get("currentTier").asInt()).isEqualTo(2);

        scenario.resolveAtTier2(number, "Print head cleaned and firmware 3.1 reinstalled");
        scenario.review(number, true, "OK");
        confirm(number, true, "Works now");
        JsonNode closed = ticket(number);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("closeReason").asText()).isEqualTo("CONFIRMED");

        TicketScenario.advance(Duration.ofHours(1).plusSeconds(1));
        scenario.executeDueJobs();
        String surveyLink = lastLink(number, NotificationTemplate.SURVEY_INVITATION);
        assertThat(surveyLink).contains("/customer/surveys/");
        String token = surveyLink.substring(surveyLink.lastIndexOf('/') + 1);

        ResponseEntity<JsonNode> answered = http.postForEntity("/api/surveys/" + token, Map.of(
                "responseSpeed", 2, "resolutionEfficiency", 3, "attitude", 4, "effectiveness", 3, "overall", 3,
                "comment", "Had to ask twice"), JsonNode.class);
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);

        scenario.followUp(number, "PARTLY");

        // the tier-2 solution became a draft; a supervisor publishes it and PostgreSQL's full-text search finds it
        scenario.work(number, KnowledgeReview.TASK_REVIEW_KNOWLEDGE_ARTICLE, "sam",
                Map.of(KnowledgeReview.VAR_ARTICLE_DECISION, KnowledgeReview.DECISION_PUBLISH));
        Long articleId = jdbc.queryForObject("select a.id from knowledge_article a join ticket t"
                + " on t.id = a.source_ticket_id where t.number = ? and a.status = 'PUBLISHED'", Long.class, number);
        JsonNode found = staff().getForObject("/api/knowledge?q=printer paper jams", JsonNode.class);
        assertThat(found.findValues("id")).extracting(JsonNode::asLong).contains(articleId);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
        // the lifecycle, its survey and the knowledge review, and one SLA clock instance per clock of the ticket
        // (assignment, response, resolution, tier-2 feedback; the reopen restarted resolution and tier-2 feedback)
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).finished()
                .list()).extracting(p -> p.getProcessDefinitionKey()).containsOnlyOnce(TicketLifecycle.PROCESS_ID,
                        "SatisfactionSurveyProcess", KnowledgeReview.PROCESS_ID).hasSize(3 + 6);
        // rows: the reopen resumed the resolution clock's row (and started a new instance for it)
        assertThat(jdbc.queryForObject("select count(*) from sla_clock c join ticket t on t.id = c.ticket_id"
                + " where t.number = ?", Long.class, number)).isEqualTo(5);
        JsonNode done = ticket(number);
        assertThat(done.get("status").asText()).isEqualTo("CLOSED");
        assertThat(done.get("survey").get("responseSpeed").asInt()).isEqualTo(2);
        assertThat(done.get("survey").get("overall").asInt()).isEqualTo(3);
        List<String> actions = done.get("timeline").findValuesAsText("action");
        assertThat(actions).containsSubsequence("RECEIVED", "CUSTOMER_IDENTIFIED", "ROUTED", "QUEUED", "CLAIMED",
                "ESCALATED", "QUEUED", "CLAIMED", "RESOLVED", "QUEUED", "CLAIMED", "REVIEW_APPROVED", "SOLUTION_SENT",
                "CUSTOMER_REJECTED", "QUEUED", "CLAIMED", "RESOLVED", "REVIEW_APPROVED", "SOLUTION_SENT",
                "CUSTOMER_CONFIRMED", "CLOSED", "KNOWLEDGE_DRAFTED", "SURVEY_SENT", "SURVEY_ANSWERED", "FOLLOWED_UP");
        Long ticketId = tickets.findByNumber(number).orElseThrow().getId();
        assertThat(followUps.findByTicketId(ticketId)).singleElement()
                .satisfies(f -> assertThat(f.getOutcome()).isEqualTo("PARTLY"));
        assertThat(scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER2)).isNull();
    }

    private JsonNode ticket(String number) {
        ResponseEntity<JsonNode> response = staff().getForEntity("/api/tickets/" + number, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void confirm(String number, boolean accepted, String comment) {
        // the customer answers through the link of the latest solution message; its token is the only credential
        String link = lastLink(number, NotificationTemplate.SOLUTION_TO_CONFIRM);
        String token = link.substring(link.lastIndexOf('/') + 1);
        ResponseEntity<JsonNode> response = http.postForEntity("/api/confirmations/" + token,
                Map.of("accepted", accepted, "comment", comment), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** The link of the ticket's latest message of this kind (links are not shown by the API: they are credentials). */
    private String lastLink(String number, NotificationTemplate template) {
        Long ticketId = tickets.findByNumber(number).orElseThrow().getId();
        return notifications.findByTicketIdOrderByIdAsc(ticketId).stream().filter(n -> n.getTemplate() == template)
                .reduce((first, second) -> second).orElseThrow().getLink();
    }

    /** A supervisor, over HTTP Basic (the customer's calls go without a login). */
    private TestRestTemplate staff() {
        return http.withBasicAuth("sam", "demo");
    }
}
