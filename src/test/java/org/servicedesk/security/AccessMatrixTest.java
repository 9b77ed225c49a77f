package org.servicedesk.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.servicedesk.LoggedIn;
import org.servicedesk.ServedEngine;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.TicketScenario;
import org.servicedesk.sla.SlaClockProcess;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every demo user against every action of the desk's role model, over HTTP as the user (HTTP
 * Basic), through the same filters and engine authorization checks the web applications use.
 * The expected table is the role model of docs/security.md; any difference fails, listed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "servicedesk.security.admin-user=firstadmin", "servicedesk.security.admin-password=Very-long-1st-secret"})
@ActiveProfiles("test")
class AccessMatrixTest {

    static final List<String> USERS = List.of("admin", "alice", "ben", "carol", "dave", "sam", "mia", "ana", "quinn",
            "webchat");

    /** Action → the users who may do it; everybody else must be refused. */
    static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("open Tasklist", Set.of("admin", "alice", "ben", "carol", "dave", "sam", "quinn"));
        EXPECTED.put("open Cockpit", Set.of("admin", "mia", "ana"));
        EXPECTED.put("open Admin", Set.of("admin"));
        EXPECTED.put("see a tier-1 task", Set.of("admin", "alice", "ben", "sam", "mia", "ana"));
        EXPECTED.put("claim a tier-1 task", Set.of("admin", "alice", "ben", "sam"));
        EXPECTED.put("reassign a task", Set.of("admin", "sam"));
        EXPECTED.put("see the supervisors' filters", Set.of("admin", "sam"));
        EXPECTED.put("see the agents' filters", Set.of("admin", "alice", "ben", "carol", "dave", "sam", "quinn"));
        EXPECTED.put("find an instance by ticket number", Set.of("admin", "mia", "ana"));
        EXPECTED.put("read an instance's variables", Set.of("admin", "mia", "ana"));
        EXPECTED.put("read an incident's message", Set.of("admin", "mia", "ana"));
        EXPECTED.put("retry a job", Set.of("admin"));
        EXPECTED.put("suspend an instance", Set.of("admin"));
        EXPECTED.put("modify an instance", Set.of("admin"));
        EXPECTED.put("cancel an instance", Set.of("admin"));
        EXPECTED.put("deploy a process", Set.of("admin", "ana"));
        EXPECTED.put("migrate running tickets to a newer lifecycle", Set.of("admin", "ana"));
        EXPECTED.put("read the weekly report", Set.of("admin", "sam", "mia"));
        EXPECTED.put("create a ticket", Set.of("alice", "ben", "sam", "webchat"));
        EXPECTED.put("look up a customer", Set.of("alice", "ben", "carol", "dave", "sam", "quinn"));
        EXPECTED.put("read a ticket unmasked", Set.of("sam"));
        EXPECTED.put("erase a customer", Set.of("admin"));
    }

    static final String TICKET = """
            {"customerName": "Matrix Test", "phone": "13900001111", "channel": "WEB", "category": "INQUIRY",
             "priority": "P2", "subject": "Opening hours", "description": "When does the Xuhui store open?"}
            """;

    @LocalServerPort int port;

    @Autowired ProcessEngine processEngine;

    @BeforeEach
    void serveThisContextsEngine() {
        ServedEngine.serve(processEngine);
    }

    @Autowired TicketIntake intake;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ObjectMapper json;
    @Autowired IdentityService identityService;
    @Autowired TicketRepository tickets;

    final HttpClient http = HttpClient.newHttpClient();

    TicketScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new TicketScenario(runtimeService, taskService, managementService);
    }

    @Test
    void everyDemoUserMayDoExactlyWhatTheirRoleAllows() throws Exception {
        List<String> unexpected = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%-36s", "action"));
        USERS.forEach(user -> table.append(String.format("%-8s", user)));
        for (Map.Entry<String, Set<String>> action : EXPECTED.entrySet()) {
            table.append('\n').append(String.format("%-36s", action.getKey()));
            for (String user : USERS) {
                boolean allowed = attempt(action.getKey(), user);
                table.append(String.format("%-8s", allowed ? "allow" : "-"));
                if (allowed != action.getValue().contains(user)) {
                    unexpected.add(user + (allowed ? " may " : " may not ") + action.getKey());
                }
            }
        }
        System.out.println(table);
        assertThat(unexpected).as("unexpected allow or deny").isEmpty();
    }

    @Test
    void withoutLoginNothingButTheLoginPageAndCustomerLinksOpens() throws Exception {
        assertThat(send(null, "GET", "/api/reports/weekly", null).statusCode()).isEqualTo(401);
        assertThat(send(null, "GET", "/engine-rest/task", null).statusCode()).isEqualTo(401);
        assertThat(send(null, "GET", "/engine-rest/engine", null).statusCode()).isEqualTo(401);
        // a POST without a login is told to log in, although it also lacks a CSRF token
        HttpResponse<String> post = send(null, "POST", "/api/tickets", TICKET);
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(post.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        assertThat(send(null, "POST", "/api/process-migrations/ticket-lifecycle", "{}").statusCode()).isEqualTo(401);
        HttpResponse<String> tasklist = send(null, "GET", "/camunda/app/tasklist/default/", null);
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(page("/login").statusCode()).isEqualTo(200);
        assertThat(page("/customer/surveys/no-such-token").statusCode()).isEqualTo(404);
        assertThat(page("/intake").statusCode()).isEqualTo(302);
        assertThat(page("/reports").statusCode()).isEqualTo(302);
        if (identityService.createUserQuery().userId("wrongpassword").count() == 0) {
            User user = identityService.newUser("wrongpassword"); // a failed login delays that user's next one
            user.setPassword("The-Right-0ne!");
            identityService.saveUser(user);
            identityService.createMembership("wrongpassword", Roles.TIER1);
        }
        assertThat(send("wrongpassword", "not-the-right-one", "GET", "/api/knowledge?q=printer", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void theFirstAdministratorFromTheEnvironmentMayAdministerUsers() throws Exception {
        HttpResponse<String> users = send("firstadmin", "Very-long-1st-secret", "GET", "/engine-rest/user?id=alice",
                null);
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains("\"id\":\"alice\"");
    }

    private boolean attempt(String action, String user) throws Exception {
        return switch (action) {
            case "open Tasklist" -> apps(user).contains("tasklist");
            case "open Cockpit" -> apps(user).contains("cockpit");
            case "open Admin" -> apps(user).contains("admin");
            case "see a tier-1 task" -> {
                Task task = tier1Task();
                yield array(send(user, "GET", "/engine-rest/task?processInstanceId=" + task.getProcessInstanceId(),
                        null)).size() == 1;
            }
            case "claim a tier-1 task" -> {
                Task task = tier1Task();
                boolean ok = ok(send(user, "POST", "/engine-rest/task/" + task.getId() + "/claim",
                        "{\"userId\": \"" + user + "\"}"));
                taskService.setAssignee(task.getId(), null);
                yield ok;
            }
            case "reassign a task" -> {
                Task task = tier1Task();
                boolean ok = ok(send(user, "POST", "/engine-rest/task/" + task.getId() + "/assignee",
                        "{\"userId\": \"ben\"}"));
                taskService.setAssignee(task.getId(), null);
                yield ok;
            }
            case "see the supervisors' filters" -> filters(user).containsAll(List.of("SLA breaches", "Follow-ups"));
            case "see the agents' filters" -> filters(user).containsAll(
                    List.of("My tasks", "My group's queue", "VIP", "Due within 1 h", "Overdue"));
            case "find an instance by ticket number" -> {
                ProcessInstance instance = ticket();
                yield array(send(user, "GET", "/engine-rest/process-instance?processDefinitionKey="
                        + TicketLifecycle.PROCESS_ID + "&businessKey=" + instance.getBusinessKey(),
                        null)).size() == 1;
            }
            case "read an instance's variables" -> ok(send(user, "GET",
                    "/engine-rest/process-instance/" + ticket().getId() + "/variables", null));
            case "read an incident's message" -> {
                ProcessInstance instance = ticket();
                if (runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count() == 0) {
                    runtimeService.createIncident("failedJob", tier1Task().getExecutionId(), "matrix",
                            "CRM lookup failed: HTTP 503");
                }
                JsonNode incidents = array(send(user, "GET", "/engine-rest/incident?processInstanceId=" + instance.getId(),
                        null));
                yield incidents.size() == 1
                        && incidents.get(0).path("incidentMessage").asText().equals("CRM lookup failed: HTTP 503");
            }
            case "retry a job" -> {
                // the ticket's SLA timers run in its SLA clock instances (same business key)
                ProcessInstance clock = runtimeService.createProcessInstanceQuery()
                        .processInstanceBusinessKey(ticket().getBusinessKey())
                        .processDefinitionKey(SlaClockProcess.PROCESS_ID).list().get(0);
                String job = managementService.createJobQuery().processInstanceId(clock.getId()).list().get(0)
                        .getId();
                yield ok(send(user, "PUT", "/engine-rest/job/" + job + "/retries", "{\"retries\": 3}"));
            }
            case "suspend an instance" -> {
                ProcessInstance instance = ticket();
                boolean ok = ok(send(user, "PUT", "/engine-rest/process-instance/" + instance.getId() + "/suspended",
                        "{\"suspended\": true}"));
                runtimeService.activateProcessInstanceById(instance.getId());
                yield ok;
            }
            case "modify an instance" -> {
                ProcessInstance instance = freshTicket();
                yield ok(send(user, "POST", "/engine-rest/process-instance/" + instance.getId() + "/modification",
                        "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"Task_HandleTier1\"},"
                                + " {\"type\": \"startBeforeActivity\", \"activityId\": \"Task_HandleTier1\"}]}"));
            }
            case "cancel an instance" -> {
                ProcessInstance instance = freshTicket();
                yield ok(send(user, "DELETE", "/engine-rest/process-instance/" + instance.getId(), null));
            }
            case "deploy a process" -> ok(deploy(user));
            case "migrate running tickets to a newer lifecycle" -> ok(send(user, "POST",
                    "/api/process-migrations/ticket-lifecycle", "{\"dryRun\": true}"));
            case "read the weekly report" -> ok(send(user, "GET", "/api/reports/weekly?week=2026-W47", null));
            case "create a ticket" -> ok(send(user, "POST", "/api/tickets", TICKET));
            case "look up a customer" -> ok(send(user, "GET", "/api/customers/lookup?phone=13900001111", null));
            case "read a ticket unmasked" -> ok(send(user, "GET",
                    "/api/tickets/" + ticket().getBusinessKey() + "?unmasked=true&reason=matrix", null));
            case "erase a customer" -> {
                String number = freshTicket().getBusinessKey();
                Long customer = tickets.findByNumber(number).orElseThrow().getCustomerId();
                yield ok(send(user, "DELETE", "/api/customers/" + customer, null));
            }
            default -> throw new IllegalArgumentException(action);
        };
    }

    private ProcessInstance ticket;

    /** The ticket most actions look at, waiting in tier 1. */
    private ProcessInstance ticket() {
        if (ticket == null) {
            ticket = freshTicket();
        }
        return ticket;
    }

    private Task tier1Task() {
        return taskService.createTaskQuery().processInstanceId(ticket().getId())
                .taskDefinitionKey(TicketLifecycle.TASK_HANDLE_TIER1).singleResult();
    }

    private ProcessInstance freshTicket() {
        String number = intake.create(TicketScenario.newTicket(Category.TECHNICAL_FAULT, Priority.P2)).getNumber();
        scenario.executeDueJobs();
        return scenario.lifecycle(number);
    }

    /** The applications Camunda's own app switcher offers the user after they open the welcome page. */
    private List<String> apps(String user) throws Exception {
        // one session, as a browser keeps it (the session cookie is Secure, which java.net's cookie
        // store would not send to http://localhost)
        HttpResponse<Void> welcome = http.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/welcome/default/"))
                .header("Authorization", basic(user, "demo")).build(), BodyHandlers.discarding());
        String session = welcome.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse("");
        HttpRequest authentication = HttpRequest.newBuilder(URI.create(base() + "/camunda/api/admin/auth/user/default"))
                .header("Authorization", basic(user, "demo")).header("Accept", "application/json")
                .header("Cookie", session).build();
        HttpResponse<String> response = http.send(authentication, BodyHandlers.ofString());
        if (!ok(response)) {
            return List.of();
        }
        List<String> apps = new ArrayList<>();
        json.readTree(response.body()).path("authorizedApps").forEach(app -> apps.add(app.asText()));
        return apps;
    }

    private Set<String> filters(String user) throws Exception {
        Set<String> names = new TreeSet<>();
        array(send(user, "GET", "/engine-rest/filter?resourceType=Task", null))
                .forEach(filter -> names.add(filter.path("name").asText()));
        return names;
    }

    private JsonNode array(HttpResponse<String> response) throws IOException {
        return ok(response) ? json.readTree(response.body()) : json.createArrayNode();
    }

    private HttpResponse<String> deploy(String user) throws Exception {
        String boundary = "matrix" + UUID.randomUUID();
        String process = "Process_Matrix" + Math.abs(user.hashCode());
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="matrix">
                  <process id="%s" name="Matrix" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="StartEvent_Matrix" name="Start"/>
                  </process>
                </definitions>
                """.formatted(process);
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmatrix-"
                + user + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"matrix.bpmn\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/engine-rest/deployment/create"))
                .header("Authorization", basic(user, "demo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, BodyHandlers.ofString());
    }

    private HttpResponse<String> page(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        return send(user, "demo", method, path, body);
    }

    private HttpResponse<String> send(String user, String password, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null && user.equals(LoggedIn.CHANNEL) && password.equals(LoggedIn.PASSWORD)) {
            LoggedIn.as(request, user);
        } else if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private static boolean ok(HttpResponse<String> response) {
        if (System.getenv("MATRIX_DEBUG") != null && response.statusCode() / 100 != 2) {
            System.out.println("DEBUG " + response.request().uri() + " " + response.statusCode() + " " + response.body());
        }
        return response.statusCode() / 100 == 2;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
