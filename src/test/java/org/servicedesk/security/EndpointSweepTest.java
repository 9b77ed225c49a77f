package org.servicedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.LoggedIn;
import org.servicedesk.ServedEngine;
import org.servicedesk.TicketScenario;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of our API and pages (found in the application's own request mappings, so a new
 * one without an expectation fails), a sample of the engine REST API and the Camunda web
 * applications, each called without a login and as every demo user. Who gets through must be
 * exactly who the role matrix (docs/security.md) says: on our endpoints any answer but 401, 403 or
 * the login page counts, on the engine's and the web applications' only a 2xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EndpointSweepTest {

    static final String ANONYMOUS = "(anonymous)";

    /** A process only the administrators may start (deployed by the test). */
    static final String SWEEP_PROCESS = "Process_EndpointSweep";

    static final List<String> USERS = List.of(ANONYMOUS, "admin", "alice", "ben", "carol", "dave", "sam", "mia", "ana",
            "quinn", "webchat");

    static final Set<String> PUBLIC = Set.copyOf(USERS);
    static final Set<String> LOGGED_IN = USERS.stream().filter(user -> !user.equals(ANONYMOUS))
            .collect(Collectors.toUnmodifiableSet());
    /** Everybody but the channel integration. */
    static final Set<String> STAFF = LOGGED_IN.stream().filter(user -> !user.equals("webchat"))
            .collect(Collectors.toUnmodifiableSet());
    static final Set<String> DESK = Set.of("alice", "ben", "carol", "dave", "sam");
    static final Set<String> DESK_AND_QA = union(DESK, Set.of("quinn"));
    static final Set<String> TICKET_READERS = union(DESK_AND_QA, Set.of("mia"));
    static final Set<String> INTAKE = Set.of("alice", "ben", "sam", "webchat");
    static final Set<String> REPORTS = Set.of("admin", "sam", "mia");
    static final Set<String> TASKLIST = Set.of("admin", "alice", "ben", "carol", "dave", "sam", "quinn");
    static final Set<String> COCKPIT = Set.of("admin", "mia", "ana");

    /** Our endpoints as Spring MVC maps them: "METHOD pattern [params]" → who gets through. */
    static final Map<String, Set<String>> OURS = new LinkedHashMap<>();

    static {
        OURS.put("POST /api/tickets", INTAKE);
        OURS.put("GET /api/tickets/{number}", TICKET_READERS);
        OURS.put("GET /api/tickets/{number} [unmasked=true]", Set.of("sam"));
        OURS.put("POST /api/tickets/{number}/confirmation", DESK);
        OURS.put("POST /api/tickets/{number}/replies", DESK);
        OURS.put("POST /api/tickets/{number}/customer-reply", DESK);
        OURS.put("GET /api/tickets/{number}/notifications", TICKET_READERS);
        OURS.put("POST /api/confirmations/{token}", PUBLIC);
        OURS.put("POST /api/replies/{token}", PUBLIC);
        OURS.put("GET /api/surveys/{token}", PUBLIC);
        OURS.put("POST /api/surveys/{token}", PUBLIC);
        OURS.put("GET /api/customers/lookup", DESK_AND_QA);
        OURS.put("GET /api/customers/{id}", DESK_AND_QA);
        OURS.put("GET /api/customers/{id}/history", DESK_AND_QA);
        OURS.put("DELETE /api/customers/{id}", Set.of("admin"));
        OURS.put("GET /api/admin/api-keys", Set.of("admin"));
        OURS.put("POST /api/admin/api-keys", Set.of("admin"));
        OURS.put("POST /api/admin/api-keys/{id}/rotate", Set.of("admin"));
        OURS.put("DELETE /api/admin/api-keys/{id}", Set.of("admin"));
        OURS.put("GET /api/knowledge", DESK_AND_QA);
        OURS.put("POST /api/process-migrations/ticket-lifecycle", Set.of("admin", "ana"));
        OURS.put("GET /api/reports/weekly", REPORTS);
        OURS.put("GET /api/notifications/inbox", STAFF);
        OURS.put("POST /api/notifications/{id}/read", STAFF);
        // the generated API reference (springdoc), JSON and YAML
        OURS.put("GET /v3/api-docs", STAFF);
        OURS.put("GET /v3/api-docs.yaml", STAFF);
        OURS.put("GET /login", PUBLIC);
        OURS.put("GET /customer/confirmations/{token}", PUBLIC);
        OURS.put("POST /customer/confirmations/{token}", PUBLIC);
        OURS.put("GET /customer/replies/{token}", PUBLIC);
        OURS.put("POST /customer/replies/{token}", PUBLIC);
        OURS.put("GET /customer/surveys/{token}", PUBLIC);
        OURS.put("POST /customer/surveys/{token}", PUBLIC);
    }

    /**
     * Pages, the engine REST API and the Camunda web applications: "METHOD path" → who gets a 2xx.
     * Each request is one the endpoint would carry out, so only the login and the authorizations
     * stand between the caller and a success.
     */
    static final Map<String, Set<String>> OTHERS = new LinkedHashMap<>();

    static {
        OTHERS.put("GET /intake", Set.of("alice", "ben", "sam"));
        OTHERS.put("GET /reports", REPORTS);
        OTHERS.put("GET /customer/unknown.css", Set.of()); // public, but nothing there
        // engine REST, under both prefixes: what each role's work needs (EngineApiPolicy); the engine then answers
        // with what they may see. Channel integrations reach none of it.
        for (String engine : List.of("/engine-rest/", "/camunda/api/engine/engine/default/")) {
            for (String read : List.of("task", "process-instance", "process-definition", "history/process-instance",
                    "history/task", "variable-instance", "filter", "user", "group")) {
                OTHERS.put("GET " + engine + read, STAFF);
            }
            for (String read : List.of("deployment", "incident", "job", "execution", "decision-definition")) {
                OTHERS.put("GET " + engine + read, COCKPIT);
            }
        }
        // POST queries (the web applications' prefix also wants their CSRF token, which a Basic client lacks)
        OTHERS.put("POST /engine-rest/task/count", STAFF);
        OTHERS.put("POST /engine-rest/history/task", STAFF);
        OTHERS.put("GET /engine-rest/engine", STAFF);
        OTHERS.put("POST /engine-rest/deployment/create", Set.of("admin", "ana"));
        OTHERS.put("POST /engine-rest/user/create", Set.of("admin"));
        OTHERS.put("POST /engine-rest/group/create", Set.of("admin"));
        OTHERS.put("POST /engine-rest/authorization/create", Set.of("admin"));
        OTHERS.put("POST /engine-rest/filter/create", Set.of("admin"));
        OTHERS.put("POST /engine-rest/task/create", Set.of("admin"));
        OTHERS.put("POST /engine-rest/process-definition/key/" + SWEEP_PROCESS + "/start", Set.of("admin"));
        // Camunda web applications: the pages, and their REST under /camunda/api as the apps call it
        OTHERS.put("GET /camunda/app/welcome/default/", STAFF);
        OTHERS.put("GET /camunda/app/tasklist/default/", TASKLIST);
        OTHERS.put("GET /camunda/app/cockpit/default/", COCKPIT);
        OTHERS.put("GET /camunda/app/admin/default/", Set.of("admin"));
        OTHERS.put("GET /camunda/api/cockpit/plugin/base/default/process-definition/statistics", COCKPIT);
        OTHERS.put("GET /camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js", COCKPIT);
        OTHERS.put("GET /camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js", TASKLIST);
        OTHERS.put("GET /camunda/api/admin/plugin/adminPlugins/static/app/plugin.js", Set.of("admin"));
    }

    @LocalServerPort int port;

    @Autowired ProcessEngine processEngine;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired TicketIntake intake;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    final HttpClient http = HttpClient.newHttpClient();

    int created;

    @BeforeEach
    void serveThisContextsEngine() {
        ServedEngine.serve(processEngine);
    }

    @Test
    void everyEndpointHasAnExpectation() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            String params = info.getParamsCondition().getExpressions().isEmpty() ? ""
                    : " " + info.getParamsCondition().getExpressions();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/error")) {
                    continue;
                }
                info.getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method + " " + pattern + params));
            }
        });
        assertThat(OURS.keySet()).containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void everyoneGetsThroughExactlyWhereTheRoleMatrixLetsThem() throws Exception {
        processEngine.getRepositoryService().createDeployment().name("endpoint sweep")
                .addModelInstance("sweep.bpmn", Bpmn.createExecutableProcess(SWEEP_PROCESS).name("Sweep")
                        .camundaHistoryTimeToLive(1).startEvent("StartEvent_Sweep").name("Start").done())
                .deploy();
        Ticket ticket = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2));
        new TicketScenario(runtimeService, taskService, managementService).executeDueJobs();
        Map<String, String> values = Map.of("{number}", ticket.getNumber(), "{id}", String.valueOf(
                ticket.getCustomerId()), "{token}", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        List<String> unexpected = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, Set<String>> endpoint : OURS.entrySet()) {
            calls += sweep(endpoint, values, ticket, EndpointSweepTest::passedTheLogin, unexpected);
        }
        for (Map.Entry<String, Set<String>> endpoint : OTHERS.entrySet()) {
            calls += sweep(endpoint, values, ticket, response -> response.statusCode() / 100 == 2, unexpected);
        }
        System.out.println("endpoint sweep: " + calls + " calls, " + unexpected.size() + " unexpected");
        assertThat(unexpected).as("unexpected allow or deny").isEmpty();
    }

    private int sweep(Map.Entry<String, Set<String>> endpoint, Map<String, String> values, Ticket ticket,
            Predicate<HttpResponse<String>> through, List<String> unexpected) throws Exception {
        String[] parts = endpoint.getKey().split(" ");
        String method = parts[0];
        String path = parts[1];
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace(value.getKey(), value.getValue());
        }
        if (method.equals("DELETE")) {
            path = path.replace(String.valueOf(ticket.getCustomerId()), "999999"); // allowed: 404, nobody erased
        }
        if (parts.length > 2) {
            path += "?" + parts[2].replaceAll("[\\[\\]]", "");
        }
        int calls = 0;
        for (String user : USERS) {
            HttpResponse<String> response = send(method, path, user);
            calls++;
            if (response.statusCode() >= 500) {
                unexpected.add(user + " got " + response.statusCode() + " from " + endpoint.getKey());
                continue;
            }
            boolean allowed = through.test(response);
            if (allowed != endpoint.getValue().contains(user)) {
                unexpected.add(user + (allowed ? " got through " : " was refused ") + endpoint.getKey() + " ("
                        + response.statusCode() + ")");
            }
        }
        return calls;
    }

    /** Our endpoints answer placeholders (an unknown token, customer 999999) with 4xx: only 401, 403 and the login page refuse. */
    private static boolean passedTheLogin(HttpResponse<String> response) {
        int status = response.statusCode();
        boolean toLogin = status == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login");
        return status != 401 && status != 403 && !toLogin;
    }

    private HttpResponse<String> send(String method, String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (!user.equals(ANONYMOUS)) {
            LoggedIn.as(request, user);
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            request.method(method, BodyPublishers.noBody());
        } else if (path.startsWith("/customer/")) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, BodyPublishers.ofString("accepted=true"));
        } else if (path.endsWith("/deployment/create")) {
            request.header("Content-Type", "multipart/form-data; boundary=sweep")
                    .method(method, BodyPublishers.ofString(deployment()));
        } else {
            request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json(path)));
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    /** A valid body for each engine REST call that creates something (new ids each time). */
    private String json(String path) {
        String id = "sweep" + (++created);
        if (path.endsWith("/user/create")) {
            return """
                    {"profile": {"id": "%s", "firstName": "Sweep", "lastName": "Test", "email": "%s@example.org"},
                     "credentials": {"password": "Kx7#mQ2!vR9zLw4"}}""".formatted(id, id);
        }
        if (path.endsWith("/group/create")) {
            return """
                    {"id": "%s", "name": "Sweep", "type": "WORKFLOW"}""".formatted(id);
        }
        if (path.endsWith("/authorization/create")) {
            return """
                    {"type": 1, "permissions": ["READ"], "userId": "alice", "resourceType": 6, "resourceId": "%s"}"""
                    .formatted(id);
        }
        if (path.endsWith("/filter/create")) {
            return """
                    {"resourceType": "Task", "name": "%s", "query": {}, "properties": {}}""".formatted(id);
        }
        if (path.endsWith("/task/create")) {
            return """
                    {"id": "%s", "name": "Sweep"}""".formatted(id);
        }
        return "{}";
    }

    private String deployment() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="sweep">
                  <process id="Process_Sweep%d" name="Sweep" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="StartEvent_Sweep" name="Start"/>
                  </process>
                </definitions>
                """.formatted(++created);
        return "--sweep\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsweep\r\n"
                + "--sweep\r\nContent-Disposition: form-data; name=\"data\"; filename=\"sweep.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--sweep--\r\n";
    }

    private static Set<String> union(Set<String> one, Set<String> other) {
        return Stream.concat(one.stream(), other.stream()).collect(Collectors.toUnmodifiableSet());
    }
}
