package org.servicedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicedesk.LoggedIn;
import org.servicedesk.ServedEngine;
import org.servicedesk.TicketScenario;
import org.servicedesk.system.TasklistFilters;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketRepository;
import org.servicedesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's attack surface as a logged-in caller sees it, each test an exploit that worked
 * before the engine API was guarded: code run through an or-query expression, the engine reached
 * past our checks through an encoded path, bodies read past the limit, and a task completion that
 * points the process at another customer's ticket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineAttackSurfaceTest {

    static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    @LocalServerPort int port;

    @Autowired ProcessEngine processEngine;
    @Autowired IdentityService identityService;
    @Autowired FilterService filterService;
    @Autowired TicketIntake intake;
    @Autowired TicketRepository tickets;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    @TempDir Path temp;

    final HttpClient http = HttpClient.newHttpClient();

    TicketScenario scenario;

    @BeforeEach
    void serveThisContextsEngine() {
        ServedEngine.serve(processEngine);
        scenario = new TicketScenario(runtimeService, taskService, managementService);
    }

    /** JUEL that creates {@code file} when the engine evaluates it (checked to work on plain JUEL). */
    static String touching(Path file) {
        return "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null)"
                + ".exec(\"touch " + file + "\").waitFor()}";
    }

    @Test
    void anOrQueryExpressionIsNeverEvaluatedWhoeverSendsIt() throws Exception {
        Path file = temp.resolve("pwned");
        String body = "{\"orQueries\": [{\"dueAfterExpression\": " + quoted(touching(file)) + "}]}";

        HttpResponse<String> channel = send("POST", "/engine-rest/task", Callers.channel(), body);
        assertThat(channel.statusCode()).as(channel.body()).isEqualTo(403);

        for (String path : java.util.List.of("/engine-rest/task", "/engine-rest/task/count",
                WEBAPP_ENGINE + "/task", "/engine-rest/t%61sk", "/engine-rest/engine/default/task")) {
            HttpResponse<String> admin = send("POST", path, Callers.basic("admin"), body);
            assertThat(admin.statusCode()).as(path + ": " + admin.body()).isEqualTo(400);
            assertThat(admin.body()).contains("dueAfterExpression");
            assertThat(admin.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        // nested deeper, in a history query's string value, in the query string
        assertThat(send("POST", "/engine-rest/history/task", Callers.basic("mia"),
                "{\"taskNameLike\": " + quoted(touching(file)) + "}").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/engine-rest/task?dueAfterExpression=" + URLEncoder.encode(touching(file),
                StandardCharsets.UTF_8), Callers.basic("alice"), null).statusCode()).isEqualTo(400);
        assertThat(send("GET", WEBAPP_ENGINE + "/task?nameLike=" + URLEncoder.encode("#{1+1}",
                StandardCharsets.UTF_8), Callers.basic("alice"), null).statusCode()).isEqualTo(400);
        assertThat(file).doesNotExist();
    }

    @Test
    void aFilterRunAndAFilterChangeTakeNoExpressionButTasklistsStoredFiltersStillWork() throws Exception {
        Path file = temp.resolve("pwned-by-filter");
        String myTasks = filterService.createFilterQuery().filterName(TasklistFilters.MY_TASKS).singleResult().getId();

        HttpResponse<String> run = send("POST", "/engine-rest/filter/" + myTasks + "/list", Callers.basic("alice"),
                "{\"orQueries\": [{\"followUpBeforeExpression\": " + quoted(touching(file)) + "}]}");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(400);

        HttpResponse<String> stored = send("POST", "/engine-rest/filter/create", Callers.basic("admin"),
                "{\"resourceType\": \"Task\", \"name\": \"evil\", \"query\": {\"assigneeExpression\": "
                        + quoted(touching(file)) + "}}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(400);
        assertThat(filterService.createFilterQuery().filterName("evil").count()).isZero();
        assertThat(file).doesNotExist();

        HttpResponse<String> helper = send("POST", "/engine-rest/filter/create", Callers.basic("admin"),
                "{\"resourceType\": \"Task\", \"name\": \"mine\", \"query\": {\"assigneeExpression\": "
                        + "\"${currentUser()}\"}}");
        assertThat(helper.statusCode()).as(helper.body()).isEqualTo(200);

        // the stored filters, with their ${currentUser()}, as Tasklist runs them
        HttpResponse<String> tasklist = webapp("alice").send("POST", WEBAPP_ENGINE + "/filter/" + myTasks
                + "/list?firstResult=0&maxResults=15", "{\"sorting\": [{\"sortBy\": \"created\", "
                + "\"sortOrder\": \"desc\"}]}");
        assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(200);
    }

    @Test
    void channelIntegrationsReachTheTicketApiAndNothingElse() throws Exception {
        HttpResponse<String> ticket = send("POST", "/api/tickets", Callers.channel(), """
                {"customerName": "Channel Test", "phone": "13900003333", "channel": "WEB", "category": "INQUIRY",
                 "priority": "P2", "subject": "Opening hours", "description": "When does the store open?"}""");
        assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(201);
        for (String path : java.util.List.of("/engine-rest/task", "/engine-rest/engine", "/engine-rest/user",
                WEBAPP_ENGINE + "/task/count", "/camunda/app/welcome/default/", "/camunda/api/admin/auth/user/default",
                "/api/notifications/inbox")) {
            HttpResponse<String> refused = send("GET", path, Callers.channel(), null);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void anEncodedPathIsCheckedAsItIsRouted() throws Exception {
        String intruder = """
                {"profile": {"id": "intruder", "firstName": "I", "lastName": "N", "email": "i@example.org"},
                 "credentials": {"password": "Kx7#mQ2!vR9zLw4"}}""";
        // an encoded prefix is no address of ours: 400 (it was a 500 from deep inside the filters)
        HttpResponse<String> prefix = send("POST", "/engine-r%65st/user/create", Callers.basic("alice"), intruder);
        assertThat(prefix.statusCode()).as(prefix.body()).isEqualTo(400);
        // an encoded later segment is routed, and checked as routed
        HttpResponse<String> segment = send("POST", "/engine-rest/us%65r/create", Callers.basic("alice"), intruder);
        assertThat(segment.statusCode()).as(segment.body()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
        assertThat(send("GET", "/engine-rest/%6Aob", Callers.basic("alice"), null).statusCode()).as("jobs")
                .isEqualTo(403);
        assertThat(send("GET", "/%61pi/notifications/inbox", Callers.channel(), null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/notific%61tions/inbox", Callers.channel(), null).statusCode()).as("inbox")
                .isEqualTo(403);
    }

    @Test
    void aBodyPastTheLimitIsRefusedUnreadWhateverThePathsSpelling() throws Exception {
        for (String path : java.util.List.of("/api/confirmations/x", "/api/confirm%61tions/x", "/engine-rest/t%61sk",
                "/camunda/api/engine/engine/default/task", "/login", "/customer/confirmations/x")) {
            assertThat(statusOfUnfinishedBody(path, 2 * 1024 * 1024)).as(path).isEqualTo(413);
        }
        for (String path : java.util.List.of("/%61pi/confirmations/x", "/engine-r%65st/task")) {
            assertThat(statusOfUnfinishedBody(path, 2 * 1024 * 1024)).as(path).isEqualTo(400);
        }
        // engine REST bodies have their own, larger limit
        HttpResponse<String> large = send("POST", "/engine-rest/task", Callers.basic("admin"),
                "{\"nameLike\": \"" + "x".repeat(1_100_000) + "\"}");
        assertThat(large.statusCode()).isEqualTo(413);
        HttpResponse<String> fits = send("POST", "/engine-rest/task", Callers.basic("admin"),
                "{\"nameLike\": \"" + "x".repeat(100_000) + "\"}");
        assertThat(fits.statusCode()).isEqualTo(200);
    }

    @Test
    void theQueryCapHoldsUnderBothPrefixes() throws Exception {
        for (String path : java.util.List.of("/engine-rest/task?maxResults=1001", "/engine-rest/t%61sk?maxResults=5000",
                "/engine-rest/engine/default/task?maxResults=5000")) {
            HttpResponse<String> response = send("GET", path, Callers.basic("admin"), null);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
        }
        // the web applications' calls are cut to the cap: 1,001 tasks exist, 1,000 come back
        for (int task = 0; task < 1001; task++) {
            taskService.saveTask(taskService.newTask("capped-" + task));
        }
        HttpResponse<String> capped = send("GET", WEBAPP_ENGINE + "/task?maxResults=5000", Callers.basic("admin"), null);
        assertThat(capped.statusCode()).as(capped.body()).isEqualTo(200);
        assertThat(capped.body().split("\"id\":", -1)).hasSize(1001);
        for (int task = 0; task < 1001; task++) {
            taskService.deleteTask("capped-" + task, true);
        }
    }

    @Test
    void eachRoleReachesOnlyTheEngineEndpointsItsWorkNeeds() throws Exception {
        Ticket ticket = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2));
        scenario.executeDueJobs();
        Task tier1 = scenario.openTask(ticket.getNumber(), TicketLifecycle.TASK_HANDLE_TIER1);
        String variables = "{\"modifications\": {\"ticketId\": {\"value\": 1, \"type\": \"Long\"}}}";
        Map<String, String> refusedToAlice = Map.of(
                "/engine-rest/task/" + tier1.getId() + "/variables", variables,
                "/engine-rest/process-instance/" + tier1.getProcessInstanceId() + "/variables", variables,
                "/engine-rest/process-definition/key/" + TicketLifecycle.PROCESS_ID + "/start", "{}",
                "/engine-rest/message", "{\"messageName\": \"" + TicketLifecycle.MSG_CUSTOMER_CONFIRMED + "\"}",
                "/engine-rest/task/create", "{\"id\": \"sneaky\"}",
                "/engine-rest/identity/verify", "{\"username\": \"sam\", \"password\": \"demo\"}",
                "/engine-rest/deployment/create", "{}");
        for (Map.Entry<String, String> call : refusedToAlice.entrySet()) {
            HttpResponse<String> response = send("POST", call.getKey(), Callers.basic("alice"), call.getValue());
            assertThat(response.statusCode()).as(call.getKey() + ": " + response.body()).isEqualTo(403);
        }
        assertThat(send("POST", "/engine-rest/identity/verify", Callers.basic("admin"),
                "{\"username\": \"sam\", \"password\": \"demo\"}").statusCode()).as("no password oracle").isEqualTo(403);
        // managers read, and change nothing
        assertThat(send("GET", "/engine-rest/process-instance", Callers.basic("mia"), null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/engine-rest/process-instance/" + tier1.getProcessInstanceId(), Callers.basic("mia"),
                null).statusCode()).isEqualTo(403);
        // what Tasklist needs stays open to agents
        assertThat(send("GET", "/engine-rest/task/" + tier1.getId() + "/form-variables", Callers.basic("alice"), null)
                .statusCode()).isEqualTo(200);
        assertThat(send("POST", "/engine-rest/task/" + tier1.getId() + "/claim", Callers.basic("alice"),
                "{\"userId\": \"alice\"}").statusCode()).isEqualTo(204);
        assertThat(runtimeService.getVariable(tier1.getProcessInstanceId(), TicketLifecycle.VAR_TICKET_ID))
                .isEqualTo(ticket.getId());
    }

    @Test
    void aCompletionCarryingAnotherTicketsIdIsRefusedAndThatTicketIsUnchanged() throws Exception {
        Ticket mine = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2));
        Ticket other = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2));
        scenario.executeDueJobs();
        TicketStatus otherBefore = tickets.findById(other.getId()).orElseThrow().getStatus();
        Task tier1 = scenario.openTask(mine.getNumber(), TicketLifecycle.TASK_HANDLE_TIER1);
        taskService.claim(tier1.getId(), "alice");

        String tampered = """
                {"variables": {"tier1Outcome": {"value": "RESOLVED"}, "resolution": {"value": "Restart it"},
                 "ticketId": {"value": %d, "type": "Long"}}}""".formatted(other.getId());
        for (String path : java.util.List.of("/engine-rest/task/" + tier1.getId() + "/complete",
                "/engine-rest/task/" + tier1.getId() + "/submit-form",
                WEBAPP_ENGINE + "/task/" + tier1.getId() + "/submit-form")) {
            HttpResponse<String> response = send("POST", path, Callers.basic("alice"), tampered);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).contains("ticketId");
        }
        assertThat(taskService.createTaskQuery().taskId(tier1.getId()).count()).isEqualTo(1);
        assertThat(tickets.findById(other.getId()).orElseThrow().getStatus()).isEqualTo(otherBefore);

        // the form's own fields complete it
        HttpResponse<String> honest = send("POST", "/engine-rest/task/" + tier1.getId() + "/complete",
                Callers.basic("alice"), """
                        {"variables": {"tier1Outcome": {"value": "RESOLVED"}, "resolution": {"value": "Restart it"}}}""");
        assertThat(honest.statusCode()).as(honest.body()).isEqualTo(204);
        assertThat(tickets.findById(mine.getId()).orElseThrow().getStatus()).isNotEqualTo(TicketStatus.NEW);
    }

    @Test
    void aStepRefusesATicketThatIsNotItsInstances() {
        Ticket mine = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2));
        Ticket other = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2));
        scenario.executeDueJobs();
        TicketStatus otherBefore = tickets.findById(other.getId()).orElseThrow().getStatus();
        Task tier1 = scenario.openTask(mine.getNumber(), TicketLifecycle.TASK_HANDLE_TIER1);
        // however the variable got changed (an administrator's engine call, a bug), the delegates do not follow it
        taskService.claim(tier1.getId(), "alice");
        runtimeService.setVariable(tier1.getProcessInstanceId(), TicketLifecycle.VAR_TICKET_ID, other.getId());
        assertThatThrownBy(() -> taskService.complete(tier1.getId(), Map.of(TicketLifecycle.VAR_TIER1_OUTCOME,
                "RESOLVED", TicketLifecycle.VAR_RESOLUTION, "Restart it")))
                .hasMessageContaining("does not belong to the process instance of " + mine.getNumber());
        assertThat(tickets.findById(other.getId()).orElseThrow().getStatus()).isEqualTo(otherBefore);
    }

    @Test
    void aMissingRequiredFieldThroughTheEngineApiIs400NamingTheField() throws Exception {
        Ticket ticket = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2));
        scenario.executeDueJobs();
        Task tier1 = scenario.openTask(ticket.getNumber(), TicketLifecycle.TASK_HANDLE_TIER1);
        taskService.claim(tier1.getId(), "alice");
        String incomplete = "{\"variables\": {\"tier1Outcome\": {\"value\": \"RESOLVED\"}}}";
        WebappSession tasklist = webapp("alice");
        for (HttpResponse<String> response : java.util.List.of(
                send("POST", "/engine-rest/task/" + tier1.getId() + "/complete", Callers.basic("alice"), incomplete),
                tasklist.send("POST", WEBAPP_ENGINE + "/task/" + tier1.getId() + "/submit-form", incomplete))) {
            String path = response.uri().getPath();
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).contains("resolution is required");
        }
        assertThat(taskService.createTaskQuery().taskId(tier1.getId()).count()).isEqualTo(1);
    }

    /** A Camunda web application's session: its cookie and CSRF token, as Tasklist sends them. */
    record WebappSession(HttpClient http, String base, String authorization, String cookies, String csrfToken) {

        HttpResponse<String> send(String method, String path, String json) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                    .header("Cookie", cookies).header("X-XSRF-TOKEN", csrfToken)
                    .header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json)).build(),
                    BodyHandlers.ofString());
        }
    }

    private WebappSession webapp(String user) throws Exception {
        HttpResponse<String> start = send("GET", WEBAPP_ENGINE + "/task/count", Callers.basic(user), null);
        assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
        String cookies = String.join("; ", start.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).toList());
        String token = start.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        return new WebappSession(http, "http://localhost:" + port, Callers.basic(user), cookies, token);
    }

    /** Sends the headers and a little of a body of {@code length} bytes, and reads the answer without sending the rest. */
    private int statusOfUnfinishedBody(String path, int length) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: " + Callers.basic("admin") + "\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write("{\"accepted\": \"".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[8192]);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream status = new ByteArrayOutputStream();
            try {
                for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                    status.write(b);
                }
            } catch (SocketTimeoutException waitingForTheRest) {
                return -1; // the server waits for the rest of the body: it reads past the limit
            }
            String line = status.toString(StandardCharsets.US_ASCII);
            return Integer.parseInt(line.split(" ")[1]);
        }
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization.startsWith(Callers.CHANNEL_KEY)) {
            request.header(LoggedIn.API_KEY_HEADER, authorization.substring(Callers.CHANNEL_KEY.length()));
        } else {
            request.header("Authorization", authorization);
        }
        if (json == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json));
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** How each kind of caller authenticates. */
    static final class Callers {

        static String basic(String user) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        }

        /** The web chat channel integration. */
        static String channel() {
            return CHANNEL_KEY + LoggedIn.CHANNEL_KEY;
        }

        static final String CHANNEL_KEY = "ApiKey ";
    }
}
