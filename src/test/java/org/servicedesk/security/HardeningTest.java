package org.servicedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.ServedEngine;
import org.servicedesk.TicketScenario;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Headers, cookies, CSRF, login lockout, password policy, query limits and refused deserialization, over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HardeningTest {

    static final String TICKET = """
            {"customerName": "Hardening Test", "phone": "13900002222", "channel": "PHONE", "category": "INQUIRY",
             "priority": "P2", "subject": "Opening hours", "description": "When does the store open?"}
            """;

    @LocalServerPort int port;

    @Autowired ProcessEngine processEngine;
    @Autowired IdentityService identityService;
    @Autowired TicketRepository tickets;
    @Autowired TicketIntake intake;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serveThisContextsEngine() {
        ServedEngine.serve(processEngine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyPageCarriesHstsAndAContentSecurityPolicy() throws Exception {
        for (String page : List.of("/login", "/customer/surveys/unknown-token")) {
            HttpResponse<String> response = get(page, null);
            assertThat(header(response, "Content-Security-Policy")).as(page).contains("script-src 'self'")
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(header(response, "Strict-Transport-Security")).as(page).contains("max-age=31536000")
                    .contains("includeSubDomains");
            assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(header(response, "X-Frame-Options")).isEqualTo("DENY");
            assertThat(header(response, "Referrer-Policy")).isEqualTo("same-origin");
        }
        for (String page : List.of("/intake", "/reports")) {
            HttpResponse<String> response = get(page, "sam");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(header(response, "Content-Security-Policy")).as(page).contains("script-src 'self'");
            assertThat(response.body()).doesNotContain("<script>").doesNotContain("style=\"");
        }
        HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/", "alice");
        assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(200);
        assertThat(header(tasklist, "Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(header(tasklist, "Strict-Transport-Security")).contains("max-age=");
    }

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSiteAndCsrfProtectsTheSession() throws Exception {
        Session session = login("alice", "demo");
        assertThat(session.sessionCookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(session.csrfCookie).contains("Secure").containsIgnoringCase("SameSite=Strict");

        long before = tickets.count();
        HttpResponse<String> forged = http.send(session.post("/api/tickets", TICKET).build(), BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a cross-site POST carries the cookie but not the token").isEqualTo(403);
        assertThat(tickets.count()).isEqualTo(before);

        HttpResponse<String> genuine = http.send(session.post("/api/tickets", TICKET)
                .header(WebSecurity.CSRF_HEADER, session.csrfToken).build(), BodyHandlers.ofString());
        assertThat(genuine.statusCode()).isEqualTo(201);
        assertThat(tickets.count()).isEqualTo(before + 1);

        HttpResponse<String> loginWithoutToken = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("username=alice&password=demo")).build(), BodyHandlers.ofString());
        assertThat(loginWithoutToken.statusCode()).isEqualTo(403);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
        String password = "Lock-Me-0ut!";
        User user = identityService.newUser("lockme");
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership("lockme", Roles.TIER1);

        assertThat(get("/api/knowledge?q=printer", "lockme", password).statusCode()).isEqualTo(200);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(get("/api/knowledge?q=printer", "lockme", "guess-" + attempt).statusCode()).isEqualTo(401);
            ClockUtil.offset(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis()
                    + Duration.ofMinutes(2).toMillis()); // past the growing delay after each failure
        }
        assertThat(get("/api/knowledge?q=printer", "lockme", password).statusCode()).as("locked").isEqualTo(401);
        identityService.unlockUser("lockme");
        assertThat(get("/api/knowledge?q=printer", "lockme", password).statusCode()).isEqualTo(200);
    }

    @Test
    void aWeakPasswordIsRefusedByThePasswordPolicy() throws Exception {
        HttpResponse<String> weak = post("/engine-rest/user/create", "admin",
                "{\"profile\": {\"id\": \"weakling\"}, \"credentials\": {\"password\": \"demo\"}}");
        // Camunda's REST API answers this refusal with 500 and the policy's message (docs/security.md)
        assertThat(weak.statusCode()).as(weak.body()).isIn(400, 500);
        assertThat(weak.body()).contains("Password does not match policy");
        assertThat(identityService.createUserQuery().userId("weakling").count()).isZero();

        HttpResponse<String> strong = post("/engine-rest/user/create", "admin",
                "{\"profile\": {\"id\": \"strongling\"}, \"credentials\": {\"password\": \"Str0ng-Enough!\"}}");
        assertThat(strong.statusCode()).isEqualTo(204);
    }

    @Test
    void queriesAreCappedAndTakeNoExpressions() throws Exception {
        assertThat(get("/engine-rest/task?maxResults=1000", "admin").statusCode()).isEqualTo(200);
        HttpResponse<String> tooMany = get("/engine-rest/task?maxResults=1001", "admin");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("maxResults must be a number from 0 to 1000");
        for (int task = 0; task < 3; task++) {
            intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2));
        }
        new TicketScenario(runtimeService, taskService, managementService).executeDueJobs();
        HttpResponse<String> unpaged = get("/engine-rest/task", "admin");
        assertThat(unpaged.statusCode()).isEqualTo(200); // gets the first 1000
        HttpResponse<String> page = get("/engine-rest/task?maxResults=2", "admin");
        assertThat(page.body().split("\"id\"")).hasSize(3);

        String expression = URLEncoder.encode("${currentUser()}", StandardCharsets.UTF_8);
        HttpResponse<String> withExpression = get("/engine-rest/task?maxResults=10&assigneeExpression=" + expression,
                "admin");
        assertThat(withExpression.statusCode()).isEqualTo(400);
        assertThat(withExpression.body()).contains("assigneeExpression takes an expression"); // EngineRequestGuard
    }

    @Test
    void javaSerializedVariablesAreRefusedAndNoScriptEngineIsShipped() throws Exception {
        TicketScenario scenario = new TicketScenario(runtimeService, taskService, managementService);
        String number = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2)).getNumber();
        scenario.executeDueJobs();
        String instance = scenario.lifecycle(number).getId();
        String payload = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5});
        HttpResponse<String> serialized = put("/engine-rest/process-instance/" + instance + "/variables/gadget",
                "admin", """
                        {"type": "Object", "value": "%s", "valueInfo": {
                         "objectTypeName": "java.util.HashMap",
                         "serializationDataFormat": "application/x-java-serialized-object"}}""".formatted(payload));
        // refused by the engine ("Java serialization format is prohibited"); Camunda's REST API says 500
        assertThat(serialized.statusCode()).as(serialized.body()).isIn(400, 500);
        assertThat(serialized.body()).contains("Java serialization format is prohibited");
        assertThat(runtimeService.getVariable(instance, "gadget")).isNull();

        // only Camunda's own expression languages (FEEL for the decision tables, JUEL): no language that
        // could run arbitrary code from a deployed script task
        ScriptEngineManager scripting = new ScriptEngineManager();
        assertThat(scripting.getEngineFactories()).extracting(factory -> factory.getClass().getSimpleName())
                .containsExactlyInAnyOrder("FeelScriptEngineFactory", "FeelUnaryTestsScriptEngineFactory",
                        "JuelScriptEngineFactory");
        for (String language : List.of("javascript", "js", "graal.js", "groovy", "python", "ruby", "nashorn")) {
            assertThat(scripting.getEngineByName(language)).as(language).isNull();
        }
    }

    /** A browser's session after logging in on our login page: its cookies and CSRF token. */
    record Session(String base, String sessionCookie, String csrfCookie, String csrfToken) {

        HttpRequest.Builder post(String path, String json) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header("Cookie", cookie(sessionCookie) + "; " + cookie(csrfCookie))
                    .POST(BodyPublishers.ofString(json));
        }

        private static String cookie(String setCookie) {
            return setCookie.substring(0, setCookie.indexOf(';'));
        }
    }

    private Session login(String user, String password) throws Exception {
        HttpResponse<String> page = get("/login", null);
        String preCsrf = cookieNamed(page, WebSecurity.CSRF_COOKIE);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", preCsrf.substring(0, preCsrf.indexOf(';')))
                .POST(BodyPublishers.ofString("username=" + user + "&password=" + password + "&_csrf=" + token.group(1)))
                .build(), BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(header(loggedIn, "Location")).doesNotContain("error");
        String session = cookieNamed(loggedIn, "JSESSIONID");
        String csrf = cookieNamed(loggedIn, WebSecurity.CSRF_COOKIE);
        String csrfValue = csrf.substring(csrf.indexOf('=') + 1, csrf.indexOf(';'));
        return new Session(base(), session, csrf, csrfValue);
    }

    private static String cookieNamed(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .filter(c -> !c.startsWith(name + "=;")).reduce((first, last) -> last).orElseThrow(
                        () -> new AssertionError("no cookie " + name + " in " + response.headers().map()));
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return get(path, user, "demo");
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String user, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user, "demo"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)).build(),
                BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String user, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user, "demo"))
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)).build(),
                BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
