package org.servicedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.servicedesk.LoggedIn;
import org.servicedesk.TicketScenario;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two agents claim the same task: the second is told it lost (409 in Camunda's error format, which
 * Tasklist shows), not a server error; the task stays with the first. (The reliability suite's R6 races
 * a thousand such claims at once.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineRestConflictsTest {

    @LocalServerPort int port;
    @Autowired TicketIntake intake;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSecondAgentClaimingATaskIsToldItIsTakenNotAServerError() throws Exception {
        String number = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2)).getNumber();
        intake.routeNow(number);
        String task = new TicketScenario(runtimeService, taskService, managementService)
                .openTask(number, TicketLifecycle.TASK_HANDLE_TIER1).getId();

        assertThat(claim(task, "alice").statusCode()).isEqualTo(204);
        assertThat(claim(task, "alice").statusCode()).as("claimed again by its assignee").isEqualTo(204);
        HttpResponse<String> second = claim(task, "ben");

        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        JsonNode error = new ObjectMapper().readTree(second.body());
        assertThat(error.path("type").asText()).isEqualTo("TaskAlreadyClaimedException");
        assertThat(error.path("message").asText()).isEqualTo("The task is already claimed by someone else.");
        assertThat(second.body()).doesNotContain("alice");
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("alice");
    }

    private HttpResponse<String> claim(String task, String user) throws Exception {
        return http.send(LoggedIn.as(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/engine-rest/task/" + task + "/claim")), user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + user + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
