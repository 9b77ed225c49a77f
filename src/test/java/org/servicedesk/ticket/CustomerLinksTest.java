package org.servicedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.LoggedIn;
import org.servicedesk.TicketScenario;
import org.servicedesk.notification.NotificationRepository;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.survey.SurveyRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * The tokens of the customers' links: each opens one thing of one ticket, once, until it expires;
 * the ticket number alone opens nothing; the token itself is stored nowhere but in the message.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CustomerLinksTest {

    @Autowired MockMvc mvc;
    @Autowired TicketIntake intake;
    @Autowired TicketRepository tickets;
    @Autowired CustomerLinks links;
    @Autowired CustomerLinkRepository linkRows;
    @Autowired NotificationRepository notifications;
    @Autowired SurveyRepository surveys;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired JdbcTemplate jdbc;

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
    void aConfirmationTokenWorksOnceAndForItsPurposeOnly() throws Exception {
        String number = solvedTicket();
        String token = token(number, NotificationTemplate.SOLUTION_TO_CONFIRM);

        answer("/api/replies/" + token, "{\"message\": \"hello\"}").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("This link is not valid."));
        mvc.perform(get("/customer/replies/" + token)).andExpect(status().isNotFound());
        answer("/api/confirmations/" + token, "{\"accepted\": \"maybe\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("accepted"));
        assertThat(ticketStatus(number)).isEqualTo(TicketStatus.PENDING_CONFIRMATION); // refused input uses nothing

        answer("/api/confirmations/" + token, "{\"accepted\": false, \"comment\": \"Still jams\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ticketNumber").value(number))
                .andExpect(jsonPath("$.status").value("UNASSIGNED"))
                .andExpect(jsonPath("$.customer").doesNotExist());
        answer("/api/confirmations/" + token, "{\"accepted\": true}").andExpect(status().isGone())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Link already used"));
        assertThat(ticketStatus(number)).isEqualTo(TicketStatus.UNASSIGNED);

        // the next solution comes with a new link; the used one stays used
        scenario.resolveAtTier1(number, "Replace the roller");
        String second = token(number, NotificationTemplate.SOLUTION_TO_CONFIRM);
        assertThat(second).isNotEqualTo(token);
        answer("/api/confirmations/" + token, "{\"accepted\": true}").andExpect(status().isGone());
        answer("/api/confirmations/" + second, "{\"accepted\": true}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void aReplyTokenAnswersTheQuestionOnce() throws Exception {
        String number = routedTicket();
        scenario.askCustomer(number, TicketLifecycle.TASK_HANDLE_TIER1, "alice", "Which model is it?");
        String token = token(number, NotificationTemplate.INFORMATION_REQUESTED);

        answer("/api/confirmations/" + token, "{\"accepted\": true}").andExpect(status().isNotFound());
        answer("/api/replies/" + token, "{\"message\": \"P100\", \"agent\": \"alice\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("agent"));
        answer("/api/replies/" + token, "{\"message\": \"P100\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNASSIGNED"));
        answer("/api/replies/" + token, "{\"message\": \"P100 again\"}").andExpect(status().isGone());
    }

    @Test
    void theTicketNumberAloneOpensNothing() throws Exception {
        String number = solvedTicket();
        String token = token(number, NotificationTemplate.SOLUTION_TO_CONFIRM);
        String body = "{\"accepted\": true}";

        // without a login: refused (401, also for a cookie-less POST that lacks the CSRF token)
        answer("/api/tickets/" + number + "/confirmation", body).andExpect(refused());
        answer("/api/tickets/" + number + "/customer-reply", "{\"message\": \"x\"}").andExpect(refused());
        answer("/api/confirmations/" + number, body).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Link not found"))
                .andExpect(jsonPath("$.detail").value("This link is not valid."));
        mvc.perform(get("/customer/confirmations/" + number)).andExpect(status().isNotFound());
        mvc.perform(get("/customer/tickets/" + number + "/confirmation")).andExpect(status().isNotFound());
        for (String user : List.of("webchat", "mia", "quinn")) {
            mvc.perform(post("/api/tickets/" + number + "/confirmation").with(LoggedIn.as(user))
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        }
        assertThat(ticketStatus(number)).isEqualTo(TicketStatus.PENDING_CONFIRMATION);

        // an agent records the answer the customer gave by phone; the customer's link is then done
        mvc.perform(post("/api/tickets/" + number + "/confirmation").with(httpBasic("alice", LoggedIn.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        answer("/api/confirmations/" + token, body).andExpect(status().isGone());
    }

    @Test
    void aTokenActsOnItsOwnTicketOnly() throws Exception {
        String first = solvedTicket();
        String second = solvedTicket();
        String firstToken = token(first, NotificationTemplate.SOLUTION_TO_CONFIRM);
        String secondToken = token(second, NotificationTemplate.SOLUTION_TO_CONFIRM);

        answer("/api/confirmations/" + firstToken, "{\"accepted\": true}").andExpect(status().isOk())
                .andExpect(jsonPath("$.ticketNumber").value(first));
        assertThat(ticketStatus(first)).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticketStatus(second)).isEqualTo(TicketStatus.PENDING_CONFIRMATION);
        mvc.perform(get("/customer/confirmations/" + secondToken)).andExpect(status().isOk())
                .andExpect(content().string(containsString(second)))
                .andExpect(content().string(not(containsString(first))));
        answer("/api/confirmations/" + secondToken, "{\"accepted\": false}").andExpect(status().isOk())
                .andExpect(jsonPath("$.ticketNumber").value(second));
        assertThat(ticketStatus(second)).isEqualTo(TicketStatus.UNASSIGNED);
    }

    @Test
    void anExpiredTokenIsRefusedAndChangesNothing() throws Exception {
        String number = solvedTicket();
        String token = token(number, NotificationTemplate.SOLUTION_TO_CONFIRM);
        CustomerLink row = linkRows.findByTicketIdOrderByIdAsc(tickets.findByNumber(number).orElseThrow().getId())
                .get(0);
        assertThat(Duration.between(row.getCreatedAt(), row.getExpiresAt())).isEqualTo(Duration.ofDays(3));

        TicketScenario.setClock(row.getExpiresAt().plusSeconds(1)); // the timeout job has not run yet
        mvc.perform(get("/customer/confirmations/" + token)).andExpect(status().isGone())
                .andExpect(content().string(containsString("expired")));
        answer("/api/confirmations/" + token, "{\"accepted\": true}").andExpect(status().isGone())
                .andExpect(jsonPath("$.title").value("Link expired"));
        assertThat(ticketStatus(number)).isEqualTo(TicketStatus.PENDING_CONFIRMATION);
    }

    @Test
    void aNewLinkEndsTheOlderOneOfTheSamePurpose() throws Exception {
        String number = solvedTicket();
        String older = token(number, NotificationTemplate.SOLUTION_TO_CONFIRM);
        String newer = links.issue(tickets.findByNumber(number).orElseThrow(), CustomerLinkPurpose.CONFIRMATION);
        answer("/api/confirmations/" + older, "{\"accepted\": true}").andExpect(status().isGone());
        answer("/api/confirmations/" + newer, "{\"accepted\": true}").andExpect(status().isOk());
    }

    @Test
    void tokensAreRandomUrlSafeAndStoredOnlyAsTheirHash() throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = CustomerLinks.newToken();
            assertThat(token).matches(CustomerLinks.TOKEN.pattern()); // 43 Base64url characters: 256 bits
            seen.add(token);
        }
        assertThat(seen).hasSize(10_000);

        String number = solvedTicket();
        String token = token(number, NotificationTemplate.SOLUTION_TO_CONFIRM);
        List<Map<String, Object>> rows = jdbc.queryForList("select * from customer_link where ticket_id = ?",
                tickets.findByNumber(number).orElseThrow().getId());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("TOKEN_HASH")).isEqualTo(CustomerLinks.hash(token)).asString().hasSize(64);
            assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains(token));
            assertThat(row.get("PURPOSE")).isEqualTo("CONFIRMATION");
            assertThat(row.get("USED_AT")).isNull();
        });
    }

    @Test
    void theNotificationListShowsNoLinksAndTheSurveyTokenIsUnguessable() throws Exception {
        String number = solvedTicket();
        String token = token(number, NotificationTemplate.SOLUTION_TO_CONFIRM);
        answer("/api/confirmations/" + token, "{\"accepted\": true}").andExpect(status().isOk());
        TicketScenario.advance(Duration.ofHours(1));
        scenario.executeDueJobs();
        String surveyToken = surveys.findByTicketId(tickets.findByNumber(number).orElseThrow().getId()).orElseThrow()
                .getToken();
        assertThat(surveyToken).matches("[A-Za-z0-9_-]{43}"); // 32 SecureRandom bytes

        String list = mvc.perform(get("/api/tickets/" + number + "/notifications")
                        .with(httpBasic("sam", LoggedIn.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.template == 'SOLUTION_TO_CONFIRM')].withLink").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(token).doesNotContain(surveyToken).doesNotContain("/customer/")
                .doesNotContain("\"link\"");
    }

    private static ResultMatcher refused() {
        return result -> assertThat(result.getResponse().getStatus()).isIn(401, 403);
    }

    private ResultActions answer(String path, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String token(String number, NotificationTemplate template) {
        String link = notifications.findByTicketIdOrderByIdAsc(tickets.findByNumber(number).orElseThrow().getId())
                .stream().filter(n -> n.getTemplate() == template).reduce((first, second) -> second).orElseThrow()
                .getLink();
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private String routedTicket() {
        String number = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2)).getNumber();
        intake.routeNow(number);
        return number;
    }

    private String solvedTicket() {
        String number = routedTicket();
        scenario.resolveAtTier1(number, "Clean the paper path");
        return number;
    }

    private TicketStatus ticketStatus(String number) {
        return tickets.findByNumber(number).orElseThrow().getStatus();
    }
}
