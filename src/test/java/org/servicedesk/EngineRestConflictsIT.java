package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A claim whose listener changes the ticket row while another request changes the same row: the
 * claim loses and is told so (409 in Camunda's error format), not a server error. The other request
 * is this test's own transaction, holding the row until the claim waits for it, so the race is the
 * same every run (the reliability suite's R6 races real claims; it found the claim's clock query
 * flushing the changed ticket, a conflict the engine wrapped as a listener failure and answered 500).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "postgres", "it" })
class EngineRestConflictsIT {

    @LocalServerPort int port;
    @Autowired TicketIntake intake;
    @Autowired TicketRepository tickets;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aClaimWhoseTicketAnotherRequestChangesAtTheSameMomentIsToldItLost() throws Exception {
        String number = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2)).getNumber();
        intake.routeNow(number);
        String task = new TicketScenario(runtimeService, taskService, managementService)
                .openTask(number, TicketLifecycle.TASK_HANDLE_TIER1).getId();
        long ticketId = tickets.findByNumber(number).orElseThrow().getId();

        HttpResponse<String> lost;
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            assertThat(statement.executeUpdate("update ticket set version = version + 1 where id = " + ticketId))
                    .isEqualTo(1);
            CompletableFuture<HttpResponse<String>> claim = CompletableFuture.supplyAsync(() -> claim(task, "alice"));
            waitUntilARequestWaitsForARowLock();
            other.commit();
            lost = claim.get(30, TimeUnit.SECONDS);
        }

        assertThat(lost.statusCode()).as(lost.body()).isEqualTo(409);
        JsonNode error = new ObjectMapper().readTree(lost.body());
        assertThat(error.path("type").asText()).isEqualTo("OptimisticLockingException");
        assertThat(error.path("message").asText())
                .isEqualTo("Someone else changed this at the same moment; reload and try again.");
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).as("nothing kept").isNull();
        assertThat(claim(task, "alice").statusCode()).as("claimed on the next try").isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("alice");
    }

    private void waitUntilARequestWaitsForARowLock() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Long waiting = jdbc.queryForObject("select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                    + " where not l.granted and a.datname = current_database()", Long.class);
            if (waiting > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the claim never reached the ticket row");
    }

    private HttpResponse<String> claim(String task, String user) {
        try {
            return http.send(LoggedIn.as(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/engine-rest/task/" + task + "/claim")), user).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + user + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
