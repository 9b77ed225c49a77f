package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.servicedesk.notification.NotificationRepository;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.survey.SurveyRepository;
import org.servicedesk.survey.SurveyStatus;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.CustomerConfirmations;
import org.servicedesk.ticket.CustomerLinkRepository;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketRepository;
import org.servicedesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriUtils;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Throws at least 10,000 generated malformed requests (seeded, so a failure can be repeated with
 * {@code -Dfuzz.seed=...}; {@code -Dfuzz.requests=...} for more) at the intake, the confirmation
 * and reply links and the survey, through the real filters (size limit, security) of MockMvc:
 * random and mutated JSON, wrong types, missing and unknown fields, huge strings, control characters,
 * unicode, broken UTF-8, injection strings, unknown and misused tokens, random paths, methods and
 * content types. No answer may be 5xx; no refused request may create a ticket or use a link; every
 * refusal of the API is problem+json. A few valid tickets with hostile but allowed text are created
 * on purpose (counted apart) and read back unchanged.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class InputFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20260523L);

    static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_500);

    static final String[] HOSTILE = { "' OR '1'='1", "'; DROP TABLE ticket; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(5)",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "${7*7}",
            "#{7*7}", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "<%= 7*7 %>", "%s%n%x", "../../etc/passwd",
            "$(reboot)", "`id`", "\\", "\\\\u0000", "张三", "Ünïcödé", "مرحبا", "\u202Eevil", "a\u0301\u0302\u0303",
            "🔥💩👍🏽", "𝕳𝖊𝖑𝖑𝖔", "\uFEFFbom", "null", "true", "[]", "{}", "0", "-1", "NaN", "Infinity" };

    static final String[] FIELDS = { "customerId", "customerName", "phone", "email", "channel", "category", "priority",
            "subject", "description", "product", "orderNumber" };

    static final String[] REQUIRED = { "customerName", "channel", "category", "priority", "subject", "description" };

    static final Map<String, Integer> MAX = Map.of("customerName", 200, "phone", 40, "email", 200, "subject", 200,
            "description", 4000, "product", 200, "orderNumber", 100);

    static final String[] BAD_CONTENT_TYPES = { "text/plain", "application/xml", "text/html", "multipart/form-data",
            "application/x-www-form-urlencoded", "application/octet-stream", "garbage", "application/json;charset=bogus",
            "application/json;charset=utf-99", "/", "*/*", "application/", ";;;" };

    static final HttpMethod[] METHODS = { HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE, HttpMethod.HEAD, HttpMethod.OPTIONS };

    @Autowired MockMvc mvc;
    @Autowired TicketIntake intake;
    @Autowired TicketRepository tickets;
    @Autowired CustomerLinkRepository links;
    @Autowired NotificationRepository notifications;
    @Autowired SurveyRepository surveys;
    @Autowired CustomerConfirmations confirmations;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    final ObjectMapper json = new ObjectMapper();

    final Random random = new Random(SEED);

    final Map<String, TreeMap<Integer, Integer>> statuses = new TreeMap<>();

    final List<String> failures = new ArrayList<>();

    String confirmationToken;
    String confirmationNumber;
    String replyToken;
    String replyNumber;
    String surveyToken;
    int validCreated;
    int sent;

    @Test
    void tenThousandMalformedRequestsAnswerNo5xxAndCreateNothing() throws Exception {
        prepareLiveLinks();
        long ticketsBefore = tickets.count();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();
        long started = System.nanoTime();

        while (sent < REQUESTS) {
            int pick = random.nextInt(100);
            if (pick < 45) {
                intake();
            } else if (pick < 60) {
                apiConfirmation();
            } else if (pick < 68) {
                pageConfirmation();
            } else if (pick < 78) {
                apiSurvey();
            } else if (pick < 84) {
                pageSurvey();
            } else if (pick < 91) {
                apiReply();
            } else if (pick < 94) {
                pageReply();
            } else {
                anywhere();
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        System.out.printf("%nInputFuzzTest: seed %d, %d requests in %d s, %d valid tickets created on purpose%n",
                SEED, sent, seconds, validCreated);
        statuses.forEach((group, counts) -> System.out.printf("  %-22s %s%n", group, counts));
        assertThat(failures).as("requests answered wrongly (seed " + SEED + ")").isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(10_000);
        assertThat(tickets.count()).as("tickets created by invalid input").isEqualTo(ticketsBefore + validCreated);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(TicketLifecycle.PROCESS_ID).count())
                .isLessThanOrEqualTo(instancesBefore + validCreated);
        // the live links were used by nothing: their tickets wait as before
        for (String number : List.of(confirmationNumber, replyNumber)) {
            assertThat(links.findByTicketIdOrderByIdAsc(tickets.findByNumber(number).orElseThrow().getId()))
                    .isNotEmpty().allSatisfy(link -> assertThat(link.getUsedAt()).isNull());
        }
        assertThat(tickets.findByNumber(confirmationNumber).orElseThrow().getStatus())
                .isEqualTo(TicketStatus.PENDING_CONFIRMATION);
        assertThat(tickets.findByNumber(replyNumber).orElseThrow().getStatus()).isEqualTo(TicketStatus.AWAITING_CUSTOMER);
        assertThat(surveys.findByToken(surveyToken).orElseThrow().getStatus()).isEqualTo(SurveyStatus.SENT);
    }

    // ---- intake: POST /api/tickets as alice (tier 1)

    void intake() throws Exception {
        Map<String, Object> ticket = validTicket();
        boolean valid = random.nextInt(100) == 0;
        if (valid) { // on purpose: hostile, unicode but allowed text
            ticket.put("subject", limit(hostile() + " " + hostile(), 200));
            ticket.put("description", limit(hostile() + "\n" + hostile() + "\t" + hostile(), 4000));
            ticket.put("customerName", limit(hostile(), 200));
            String body = json.writeValueAsString(ticket);
            MockHttpServletResponse response = send("intake (valid)", post("/api/tickets", "alice")
                    .contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8)), true);
            if (response.getStatus() == 201) {
                validCreated++;
                JsonNode created = json.readTree(response.getContentAsString());
                // read back unmasked: the masked view hides the customer's own name and contacts in the texts
                mvc.perform(get("/api/tickets/" + created.get("number").asText()).param("unmasked", "true")
                        .param("reason", "fuzz test").with(httpBasic("sam", "demo")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.subject").value(ticket.get("subject")))
                        .andExpect(jsonPath("$.description").value(ticket.get("description")));
            } else {
                failures.add("valid ticket refused with " + response.getStatus() + ": " + body);
            }
            return;
        }
        int mutations = 1 + random.nextInt(3);
        boolean escape = false;
        String contentType = MediaType.APPLICATION_JSON_VALUE;
        String structural = null;
        HttpMethod method = HttpMethod.POST;
        for (int i = 0; i < mutations; i++) {
            String field = pick(FIELDS);
            switch (random.nextInt(14)) {
                case 0 -> ticket.remove(pick(REQUIRED));
                case 1 -> ticket.put(pick(REQUIRED), null);
                case 2 -> ticket.put(pick(REQUIRED), pick(new String[] { "", " ", "   ", "\t", "\u3000" }));
                case 3 -> ticket.put(field, wrongType(field));
                case 4 -> {
                    String text = pick(new String[] { "customerName", "subject", "description", "product",
                            "orderNumber", "email", "phone" });
                    ticket.put(text, huge(MAX.get(text) + 1 + random.nextInt(random.nextBoolean() ? 10 : 30_000)));
                }
                case 5 -> {
                    String text = pick(new String[] { "customerName", "subject", "description", "product",
                            "orderNumber", "email" });
                    ticket.put(text, withBadCharacter(String.valueOf(validTicket().get(text)), text.equals("description")));
                    escape = true; // a lone surrogate survives only as \\uXXXX
                }
                case 6 -> ticket.put(pick(new String[] { "channel", "category", "priority" }), pick(new String[] {
                        "phone", "P9", "FAX", " PHONE", "PHONE ", "p0", "REPAIR,INQUIRY", hostile(), huge(300) }));
                case 7 -> ticket.put("phone", pick(new String[] { "abc", "+", "12", "1".repeat(41), "13812345678; DROP",
                        "+86 138 1234 5678 ext. 9", "١٣٨١٢٣٤٥٦٧٨", hostile() }));
                case 8 -> ticket.put("email", pick(new String[] { "not-an-email", "a@", "@b.cn", "a b@c.cn",
                        "<script>@x.cn", "a@b@c", "a..b@c.cn\u0000", "x".repeat(190) + "@example.cn" }));
                case 9 -> ticket.put("customerId", pick(new Object[] { 0, -1, -9_223_372_036_854_775_807L, 1.5,
                        "12", true, List.of(1), Map.of("id", 1) }));
                case 10 -> ticket.put(pick(new String[] { "id", "status", "number", "isAdmin", "customerid", "Subject",
                        "__proto__", "constructor", hostile() }), hostile());
                case 11 -> structural = pick(new String[] { "truncate", "raw-control", "duplicate", "trailing", "array",
                        "string", "number", "empty", "null", "bytes", "utf8", "deep", "bignum" });
                case 12 -> contentType = pick(BAD_CONTENT_TYPES);
                default -> method = pick(new HttpMethod[] { HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE,
                        HttpMethod.GET });
            }
        }
        String text = (escape ? json.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII) : json.writer())
                .writeValueAsString(ticket);
        byte[] body = structural == null ? text.getBytes(StandardCharsets.UTF_8) : broken(structural, text);
        MockHttpServletRequestBuilder request = request(method, URI.create("/api/tickets"))
                .with(httpBasic("alice", LoggedIn.PASSWORD)).content(body);
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        send("intake", request, false);
    }

    Map<String, Object> validTicket() {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("customerName", pick(new String[] { "张三", "Ana Lima", "O'Brien" }));
        ticket.put("phone", "138" + (10_000_000 + random.nextInt(89_999_999)));
        ticket.put("email", "fuzz" + random.nextInt(1000) + "@example.cn");
        ticket.put("channel", pick(new String[] { "PHONE", "WEB", "EMAIL", "APP", "SOCIAL", "STORE" }));
        ticket.put("category", pick(new String[] { "INQUIRY", "REPAIR", "TECHNICAL_FAULT", "CUSTOM_REQUEST" }));
        ticket.put("priority", pick(new String[] { "P0", "P1", "P2" }));
        ticket.put("subject", "Oven does not heat");
        ticket.put("description", "Model O-7, bought 2026-02-01.\nNo heat since today.");
        ticket.put("product", "O-7");
        ticket.put("orderNumber", "SO-" + random.nextInt(100_000));
        return ticket;
    }

    /** A ticket without one of its required fields: never valid, wherever it is sent. */
    Map<String, Object> incompleteTicket() {
        Map<String, Object> ticket = validTicket();
        ticket.remove(pick(REQUIRED));
        return ticket;
    }

    Object wrongType(String field) {
        if (field.equals("customerId")) {
            return pick(new Object[] { "7", true, List.of(), Map.of(), 2.5, "", "abc" });
        }
        return pick(new Object[] { 42, -1, 3.14, true, false, List.of("PHONE"), Map.of("value", "x"), List.of() });
    }

    // ---- confirmation: POST /api/confirmations/{token}, GET/POST /customer/confirmations/{token}

    void apiConfirmation() throws Exception {
        boolean live = random.nextInt(3) == 0;
        String token = live ? confirmationToken : otherToken(confirmationToken);
        String body = live ? badConfirmation() : random.nextBoolean() ? "{\"accepted\": true}" : badConfirmation();
        send("api confirmation", jsonRequest(HttpMethod.POST, "/api/confirmations/" + encode(token), body), false);
    }

    String badConfirmation() {
        return pick(new Supplier[] {
                () -> "{}", () -> "{\"accepted\": null}", () -> "{\"accepted\": \"true\"}", () -> "{\"accepted\": 1}",
                () -> "{\"accepted\": \"yes\"}", () -> "{\"accepted\": [true]}", () -> "{\"comment\": \"ok\"}",
                () -> "{\"accepted\": true, \"comment\": \"" + huge(2001 + random.nextInt(5000)) + "\"}",
                () -> "{\"accepted\": false, \"comment\": \"" + jsonEscaped(withBadCharacter("still broken", true)) + "\"}",
                () -> "{\"accepted\": true, \"comment\": 5}", () -> "{\"accepted\": true, \"ticket\": \"CG20260101001\"}",
                () -> "{\"accepted\": true, \"accepted\": false}", () -> "{\"accepted\": true} x",
                () -> "{\"accepted\": tru", () -> "[true]", () -> "", () -> "null", () -> hostile(),
                () -> "{\"accepted\": true, \"comment\": \"" + hostile().replace("\\", "") + "\"" }).get().toString();
    }

    void pageConfirmation() throws Exception {
        boolean live = random.nextInt(3) == 0;
        String token = live ? confirmationToken : otherToken(confirmationToken);
        String path = "/customer/confirmations/" + encode(token);
        if (random.nextInt(4) == 0) { // opening the page changes nothing (and shows it for the live link)
            send("page confirmation", request(HttpMethod.GET, URI.create(path + "?accepted=" + encode(hostile()))),
                    live);
            return;
        }
        MockHttpServletRequestBuilder form = request(HttpMethod.POST, URI.create(path))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        switch (random.nextInt(5)) {
            case 0 -> form.param("accepted", pick(new String[] { "", "yes", "1", "TRUE ", "maybe", hostile() }));
            case 1 -> form.param("accepted", random.nextBoolean() ? "true" : "false")
                    .param("comment", withBadCharacter("not fixed", true));
            case 2 -> form.param("comment", hostile());
            case 3 -> form.param("accepted", random.nextBoolean() ? "tr\u0000ue" : "%ZZ");
            default -> {
                if (!live) {
                    form.param("accepted", "true"); // a good form with a wrong link
                } else {
                    form.contentType(MediaType.APPLICATION_JSON).content("{\"accepted\": true}");
                }
            }
        }
        send("page confirmation", form, false);
    }

    // ---- reply links: POST /api/replies/{token}, GET/POST /customer/replies/{token}

    void apiReply() throws Exception {
        boolean live = random.nextInt(3) == 0;
        String token = live ? replyToken : otherToken(replyToken);
        String body = live || random.nextBoolean() ? badReply() : "{\"message\": \"The X200\"}";
        send("api reply", jsonRequest(HttpMethod.POST, "/api/replies/" + encode(token), body), false);
    }

    String badReply() {
        return pick(new Supplier[] { () -> "{}", () -> "{\"message\": null}", () -> "{\"message\": \"  \"}",
                () -> "{\"message\": 42}", () -> "{\"message\": [\"a\"]}", () -> "{\"message\": \"x\", \"agent\": \"sam\"}",
                () -> "{\"message\": \"" + huge(4001 + random.nextInt(3000)) + "\"}",
                () -> "{\"message\": \"" + jsonEscaped(withBadCharacter("an answer", true)) + "\"}",
                () -> "{\"message\": \"a\"", () -> "\"a\"", () -> "", () -> hostile() }).get().toString();
    }

    void pageReply() throws Exception {
        boolean live = random.nextInt(3) == 0;
        String token = live ? replyToken : otherToken(replyToken);
        String path = "/customer/replies/" + encode(token);
        if (random.nextInt(4) == 0) {
            send("page reply", request(HttpMethod.GET, URI.create(path)), live);
            return;
        }
        MockHttpServletRequestBuilder form = request(HttpMethod.POST, URI.create(path))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        switch (random.nextInt(4)) {
            case 0 -> form.param("message", pick(new String[] { "", " ", "\t\n" }));
            case 1 -> form.param("message", huge(4001 + random.nextInt(2000)));
            case 2 -> form.param("message", withBadCharacter("an answer", true));
            default -> {
                if (!live) {
                    form.param("message", hostile());
                } else {
                    form.param("msg", "wrong field");
                }
            }
        }
        send("page reply", form, false);
    }

    // ---- survey: GET/POST /api/surveys/{token}, GET/POST /customer/surveys/{token}

    void apiSurvey() throws Exception {
        boolean live = random.nextInt(3) == 0;
        String token = live ? surveyToken : otherToken(surveyToken);
        if (random.nextInt(5) == 0) {
            send("api survey", request(HttpMethod.GET, URI.create("/api/surveys/" + encode(token))), live);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        for (String score : new String[] { "responseSpeed", "resolutionEfficiency", "attitude", "effectiveness",
                "overall" }) {
            answer.put(score, 1 + random.nextInt(5));
        }
        answer.put("comment", "fine");
        String score = pick(answer.keySet().stream().filter(k -> !k.equals("comment")).toArray(String[]::new));
        switch (random.nextInt(8)) {
            case 0 -> answer.put(score, pick(new Object[] { 0, 6, -1, 100, Integer.MIN_VALUE }));
            case 1 -> answer.put(score, pick(new Object[] { "5", 4.5, true, null, List.of(5), "", "five" }));
            case 2 -> answer.remove(score);
            case 3 -> answer.put("comment", huge(2001 + random.nextInt(4000)));
            case 4 -> answer.put("comment", withBadCharacter("nice", true));
            case 5 -> answer.put(pick(new String[] { "token", "status", "ticketId", hostile() }), 5);
            case 6 -> answer.put("comment", Map.of("text", "x"));
            default -> {
                if (!live) {
                    break; // a good answer with a wrong token
                }
                answer.put(score, 7);
            }
        }
        String body = json.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(answer);
        if (random.nextInt(6) == 0) {
            body = new String(broken(pick(new String[] { "truncate", "trailing", "duplicate", "utf8", "array" }),
                    body), StandardCharsets.ISO_8859_1);
        }
        MockHttpServletRequestBuilder request = request(HttpMethod.POST, URI.create("/api/surveys/" + encode(token)))
                .content(body.getBytes(StandardCharsets.ISO_8859_1));
        request.header("Content-Type", random.nextInt(10) == 0 ? pick(BAD_CONTENT_TYPES) : "application/json");
        send("api survey", request, false);
    }

    void pageSurvey() throws Exception {
        boolean live = random.nextInt(3) == 0;
        String token = live ? surveyToken : otherToken(surveyToken);
        String path = "/customer/surveys/" + encode(token);
        if (random.nextInt(4) == 0) {
            send("page survey", request(HttpMethod.GET, URI.create(path)), live);
            return;
        }
        MockHttpServletRequestBuilder form = request(HttpMethod.POST, URI.create(path))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        String[] scores = { "responseSpeed", "resolutionEfficiency", "attitude", "effectiveness", "overall" };
        String broken = pick(scores);
        int kind = random.nextInt(3);
        for (String score : scores) {
            if (!score.equals(broken)) {
                form.param(score, String.valueOf(1 + random.nextInt(5)));
            } else if (kind == 0) {
                form.param(score, pick(new String[] { "0", "6", "-1", "4.5", "five", "", " 5", "5 ", hostile() }));
            } else if (kind == 1 && !live) {
                form.param(score, "3"); // a complete answer with a wrong token
            }
        }
        if (kind == 2) {
            form.param("comment", withBadCharacter("nice", true));
        }
        send("page survey", form, false);
    }

    // ---- anything else: random methods, paths and content types

    void anywhere() throws Exception {
        HttpMethod method = pick(METHODS);
        String path = pick(new String[] { "/api/tickets", "/api/tickets/", "/api/confirmations", "/api/replies/",
                "/api/surveys", "/customer/", "/customer/tickets/", "/api/", "/customer/surveys/", "/api/tickets/CG" })
                + randomPathSegment();
        MockHttpServletRequestBuilder request;
        try {
            request = request(method, URI.create(path));
        } catch (IllegalArgumentException notAUri) {
            request = request(method, URI.create(UriUtils.encodePath(path, StandardCharsets.UTF_8)));
        }
        if (random.nextBoolean()) {
            request.with(LoggedIn.as(pick(new String[] { "alice", "webchat", "mia" })));
        }
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            request.header("Content-Type", random.nextBoolean() ? "application/json" : pick(BAD_CONTENT_TYPES))
                    .content(random.nextBoolean() ? hostile() : json.writeValueAsString(incompleteTicket()));
        }
        boolean readOnly = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        send("anywhere", request, readOnly);
    }

    String randomPathSegment() {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> encode(hostile());
            case 2 -> "../../admin";
            case 3 -> "%2e%2e%2fadmin";
            case 4 -> "x;jsessionid=1";
            case 5 -> "a/b/c/" + "d".repeat(random.nextInt(3000));
            case 6 -> "%00";
            default -> "20260101001/" + pick(new String[] { "confirmation", "customer-reply", "replies", "x" });
        };
    }

    // ---- sending and judging

    MockHttpServletResponse send(String group, MockHttpServletRequestBuilder request, boolean mayAnswer2xx)
            throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        MockHttpServletResponse response = result.getResponse();
        sent++;
        int status = response.getStatus();
        statuses.computeIfAbsent(group, g -> new TreeMap<>()).merge(status, 1, Integer::sum);
        String problem = null;
        if (status >= 500) {
            problem = "answered " + status;
        } else if (status < 400 && !mayAnswer2xx) {
            problem = "accepted with " + status;
        } else if (status >= 400 && status != 401 && status != 403 && group.startsWith("api")
                && !String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
            problem = status + " without problem+json but " + response.getContentType();
        }
        if (problem != null) {
            byte[] body = result.getRequest().getContentAsByteArray();
            String sentBody = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            failures.add(group + ": " + problem + " for " + result.getRequest().getMethod() + " "
                    + limit(result.getRequest().getRequestURI(), 200) + " [" + result.getRequest().getContentType()
                    + "] " + limit(sentBody, 400) + " -> " + limit(response.getContentAsString(), 300));
        }
        return response;
    }

    MockHttpServletRequestBuilder jsonRequest(HttpMethod method, String path, String body) {
        MockHttpServletRequestBuilder request = request(method, URI.create(path))
                .content(body.getBytes(StandardCharsets.UTF_8));
        request.header("Content-Type", random.nextInt(10) == 0 ? pick(BAD_CONTENT_TYPES) : "application/json");
        if (random.nextInt(10) == 0) {
            request.header("Accept", pick(new String[] { "text/html", "application/xml", "image/png", "garbage" }));
        }
        return request;
    }

    static MockHttpServletRequestBuilder post(String path, String user) {
        return request(HttpMethod.POST, URI.create(path)).with(httpBasic(user, LoggedIn.PASSWORD));
    }

    /** A token that is not the live one of this endpoint: another endpoint's, unknown, malformed, a ticket number. */
    String otherToken(String own) {
        List<String> others = new ArrayList<>(List.of(confirmationToken, replyToken, surveyToken));
        others.remove(own);
        return switch (random.nextInt(9)) {
            case 0, 1 -> pick(others.toArray(String[]::new));
            case 2 -> random.nextBoolean() ? confirmationNumber : replyNumber;
            case 3 -> randomToken(43);
            case 4 -> randomToken(1 + random.nextInt(80));
            case 5 -> hostile();
            case 6 -> huge(200 + random.nextInt(5000));
            case 7 -> own.substring(0, 42) + (own.endsWith("A") ? "B" : "A");
            default -> own.toLowerCase() + "=";
        };
    }

    String randomToken(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    /** A text with one character that must never be accepted in it. */
    String withBadCharacter(String text, boolean multiline) {
        char[] bad = multiline
                ? new char[] { '\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085',
                        '\u009F', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '\uFDD0' }
                : new char[] { '\u0000', '\n', '\r', '\t', '\u001B', '\u007F', '\u0085', '\u2028', '\u2029', '\uD83D',
                        '\uDC00', '\uFFFF' };
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + bad[random.nextInt(bad.length)] + text.substring(at);
    }

    /** Broken bytes of a JSON text, each way certain to be refused. */
    byte[] broken(String how, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return switch (how) {
            case "truncate" -> text.substring(0, random.nextInt(text.length())).getBytes(StandardCharsets.UTF_8);
            case "raw-control" -> text.replaceFirst("\":\"", "\":\"\u0001").getBytes(StandardCharsets.UTF_8);
            case "duplicate" -> text.replaceFirst("\\{", "{\"" + pick(FIELDS) + "\":\"dup\",")
                    .getBytes(StandardCharsets.UTF_8);
            case "trailing" -> (text + pick(new String[] { " x", "}", "{}", ",", " []", "\u0000" }))
                    .getBytes(StandardCharsets.UTF_8);
            case "array" -> ("[" + text + "]").getBytes(StandardCharsets.UTF_8);
            case "string" -> json.createObjectNode().put("x", text).get("x").toString().getBytes(StandardCharsets.UTF_8);
            case "number" -> "42".getBytes(StandardCharsets.UTF_8);
            case "empty" -> new byte[0];
            case "null" -> "null".getBytes(StandardCharsets.UTF_8);
            case "deep" -> ("{\"subject\":" + "[".repeat(2000 + random.nextInt(3000))).getBytes(StandardCharsets.UTF_8);
            case "bignum" -> text.replaceFirst("\\{", "{\"customerId\":" + "9".repeat(30 + random.nextInt(2000)) + ",")
                    .getBytes(StandardCharsets.UTF_8);
            case "bytes" -> {
                byte[] noise = new byte[1 + random.nextInt(2000)];
                random.nextBytes(noise);
                noise[0] = (byte) (random.nextBoolean() ? '{' : 0xFF); // never a valid JSON object by chance
                yield noise;
            }
            default -> { // invalid UTF-8 inside a string value
                byte[][] invalid = { { (byte) 0xFF }, { (byte) 0xC3, 0x28 }, { (byte) 0xE2, 0x28, (byte) 0xA1 },
                        { (byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC }, { (byte) 0xC0, (byte) 0xAF } };
                byte[] insert = invalid[random.nextInt(invalid.length)];
                int quote = text.indexOf("\":\"") + 3;
                byte[] out = new byte[utf8.length + insert.length];
                int at = text.substring(0, quote).getBytes(StandardCharsets.UTF_8).length;
                System.arraycopy(utf8, 0, out, 0, at);
                System.arraycopy(insert, 0, out, at, insert.length);
                System.arraycopy(utf8, at, out, at + insert.length, utf8.length - at);
                yield out;
            }
        };
    }

    String hostile() {
        return pick(HOSTILE);
    }

    String huge(int length) {
        String unit = pick(new String[] { "x", "张", "é", "<", "%", " " });
        return unit.repeat(length);
    }

    static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    static String encode(String segment) {
        return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
    }

    String jsonEscaped(String text) {
        try {
            String quoted = json.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(text);
            return quoted.substring(1, quoted.length() - 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    // ---- the live links the fuzz must not use: a solution to confirm, a question to answer, a survey

    void prepareLiveLinks() {
        TicketScenario scenario = new TicketScenario(runtimeService, taskService, managementService);
        confirmationNumber = routedTicket();
        scenario.resolveAtTier1(confirmationNumber, "Clean the paper path");
        confirmationToken = token(confirmationNumber, NotificationTemplate.SOLUTION_TO_CONFIRM);

        replyNumber = routedTicket();
        scenario.askCustomer(replyNumber, TicketLifecycle.TASK_HANDLE_TIER1, "alice", "Which model is it?");
        replyToken = token(replyNumber, NotificationTemplate.INFORMATION_REQUESTED);

        String surveyed = routedTicket();
        scenario.resolveAtTier1(surveyed, "Use the export button");
        confirmations.answer(surveyed, new org.servicedesk.ticket.Confirmation(true, null));
        TicketScenario.advance(Duration.ofHours(1));
        try {
            scenario.executeDueJobs();
        } finally {
            ClockUtil.reset();
        }
        surveyToken = token(surveyed, NotificationTemplate.SURVEY_INVITATION);
    }

    String routedTicket() {
        String number = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2)).getNumber();
        intake.routeNow(number);
        return number;
    }

    String token(String number, NotificationTemplate template) {
        String link = notifications.findByTicketIdOrderByIdAsc(tickets.findByNumber(number).orElseThrow().getId())
                .stream().filter(n -> n.getTemplate() == template).reduce((first, second) -> second).orElseThrow()
                .getLink();
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
