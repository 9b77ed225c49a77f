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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import org.springframework.jdbc.core.JdbcTemplate;
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
    @Autowired JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

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
    void sixWrongPasswordsFromOneClientLeaveTheAccountUsableFromAnotherAndLaterFromTheSame() throws Exception {
        String password = "Lock-Me-0ut!";
        newAgent("lockme", password);

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(statusFrom("127.0.0.2", "lockme", "guess-" + attempt)).as("guess " + attempt).isEqualTo(401);
        }
        assertThat(statusFrom("127.0.0.2", "lockme", "guess-6")).as("the guessing client waits").isEqualTo(429);
        assertThat(statusFrom("127.0.0.2", "lockme", password)).as("even with the right password").isEqualTo(429);
        assertThat(statusFrom("127.0.0.3", "lockme", password)).as("the agent elsewhere is not locked out")
                .isEqualTo(200);

        moveClock(Duration.ofMinutes(1));
        assertThat(statusFrom("127.0.0.2", "lockme", password)).as("a minute later").isEqualTo(200);
        assertThat(identityService.checkPassword("lockme", password)).as("no permanent lock").isTrue();

        // the wait doubles with each further failure
        for (int attempt = 1; attempt <= 5; attempt++) {
            statusFrom("127.0.0.2", "lockme", "again-" + attempt);
        }
        moveClock(Duration.ofSeconds(31));
        assertThat(statusFrom("127.0.0.2", "lockme", "again-6")).isEqualTo(401);
        moveClock(Duration.ofSeconds(31));
        assertThat(statusFrom("127.0.0.2", "lockme", password)).as("60 s after the sixth").isEqualTo(429);
        moveClock(Duration.ofSeconds(30));
        assertThat(statusFrom("127.0.0.2", "lockme", password)).isEqualTo(200);
    }

    @Test
    void oneClientGuessingManyAccountsWaitsWithoutLockingThem() throws Exception {
        newAgent("spray1", "Spray-Me-0ne!");
        for (int attempt = 1; attempt <= LoginThrottle.FREE_FAILURES_PER_ADDRESS; attempt++) {
            assertThat(statusFrom("127.0.0.4", "sprayed" + attempt, "guess")).isEqualTo(401);
        }
        assertThat(statusFrom("127.0.0.4", "spray1", "Spray-Me-0ne!")).as("the spraying address waits")
                .isEqualTo(429);
        assertThat(statusFrom("127.0.0.5", "spray1", "Spray-Me-0ne!")).isEqualTo(200);
        moveClock(Duration.ofMinutes(1));
        assertThat(statusFrom("127.0.0.4", "spray1", "Spray-Me-0ne!")).isEqualTo(200);
    }

    @Test
    void aChannelLogsInWithItsApiKeyNotAPasswordAndAnAdministratorRotatesAndRevokesKeys() throws Exception {
        String ticket = TICKET;
        HttpResponse<String> byPassword = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/tickets"))
                .header("Authorization", basic("webchat", "demo")).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(ticket)).build(), BodyHandlers.ofString());
        assertThat(byPassword.statusCode()).as("no password login for channels").isEqualTo(401);
        HttpResponse<String> demoKey = withKey("demo-webchat-key", ticket);
        assertThat(demoKey.statusCode()).as(demoKey.body()).isEqualTo(201);
        assertThat(withKey("sdk_not-a-key", ticket).statusCode()).isEqualTo(401);

        assertThat(post("/api/admin/api-keys", "sam", "{\"user\": \"webchat\", \"label\": \"x\"}").statusCode())
                .as("administrators only").isEqualTo(403);
        assertThat(post("/api/admin/api-keys", "admin", "{\"user\": \"alice\", \"label\": \"x\"}").statusCode())
                .as("a person gets no key").isEqualTo(400);
        HttpResponse<String> issued = post("/api/admin/api-keys", "admin",
                "{\"user\": \"webchat\", \"label\": \"Chat widget\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode answer = json.readTree(issued.body());
        String key = answer.get("key").asText();
        long id = answer.get("apiKey").get("id").asLong();
        assertThat(key).startsWith("sdk_").hasSizeGreaterThan(40);
        assertThat(withKey(key, ticket).statusCode()).isEqualTo(201);
        assertThat(jdbc.queryForList("select key_hash from api_key", String.class)).doesNotContain(key)
                .contains(ApiKeys.hash(key));
        assertThat(get("/api/admin/api-keys", "admin").body()).contains("Chat widget").doesNotContain(key);

        HttpResponse<String> rotated = post("/api/admin/api-keys/" + id + "/rotate", "admin", "{}");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        String newKey = json.readTree(rotated.body()).get("key").asText();
        assertThat(withKey(key, ticket).statusCode()).as("the old key after rotation").isEqualTo(401);
        assertThat(withKey(newKey, ticket).statusCode()).isEqualTo(201);

        long newId = json.readTree(rotated.body()).get("apiKey").get("id").asLong();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base() + "/api/admin/api-keys/" + newId))
                .header("Authorization", basic("admin", "demo")).DELETE().build(), BodyHandlers.ofString())
                .statusCode()).isEqualTo(204);
        assertThat(withKey(newKey, ticket).statusCode()).as("a revoked key").isEqualTo(401);
    }

    @Test
    void anOpenSessionLosesARemovedGroupWithinAMinuteAndEndsWhenItsUserIsDeleted() throws Exception {
        newAgent("leaver", "Leav-1ng-Soon!");
        Session session = login("leaver", "Leav-1ng-Soon!");
        assertThat(sessionGet(session, "/api/knowledge?q=printer").statusCode()).isEqualTo(200);

        identityService.deleteMembership("leaver", Roles.TIER1);
        moveClock(Duration.ofSeconds(61));
        assertThat(sessionGet(session, "/api/knowledge?q=printer").statusCode()).as("group removed").isEqualTo(403);

        identityService.createMembership("leaver", Roles.TIER1);
        moveClock(Duration.ofSeconds(61));
        assertThat(sessionGet(session, "/api/knowledge?q=printer").statusCode()).as("group back").isEqualTo(200);

        identityService.deleteUser("leaver");
        moveClock(Duration.ofSeconds(61));
        assertThat(sessionGet(session, "/api/knowledge?q=printer").statusCode()).as("user deleted").isEqualTo(401);
    }

    private void newAgent(String id, String password) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(password);
            identityService.saveUser(user);
            identityService.createMembership(id, Roles.TIER1);
        }
    }

    private static void moveClock(Duration by) {
        ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
    }

    private HttpResponse<String> withKey(String key, String ticket) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/tickets")).header("X-Api-Key", key)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(ticket)).build(),
                BodyHandlers.ofString());
    }

    private HttpResponse<String> sessionGet(Session session, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json")
                .header("Cookie", session.sessionCookie().substring(0, session.sessionCookie().indexOf(';')))
                .GET().build(), BodyHandlers.ofString());
    }

    /** A GET of the knowledge search with HTTP Basic, sent from {@code localAddress} (any 127.x is loopback). */
    private int statusFrom(String localAddress, String user, String password) throws Exception {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(20000);
            String request = "GET /api/knowledge?q=printer HTTP/1.1\r\nHost: localhost\r\nAccept: application/json"
                    + "\r\nAuthorization: " + basic(user, password) + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
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
