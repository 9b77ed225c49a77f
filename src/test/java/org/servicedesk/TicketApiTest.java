package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.survey.SurveyRepository;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The public API: what a valid ticket gets back, and 4xx problem+json for every kind of bad input. */
@SpringBootTest
@ActiveProfiles("test")
class TicketApiTest {

    static final String VALID = """
            {"customerName": "张三", "phone": "13812345678", "email": "zhang.san@example.cn",
             "channel": "PHONE", "category": "REPAIR", "priority": "P0",
             "subject": "Oven does not heat", "description": "Model O-7, bought 2026-02-01; no heat since today.",
             "product": "O-7", "orderNumber": "SO-20260201-7781"}
            """;

    @Autowired WebApplicationContext context;
    MockMvc mvc;

    @BeforeEach
    void logIn() {
        mvc = LoggedIn.mvc(context, "sam");
    }
    @Autowired ObjectMapper json;
    @Autowired TicketRepository tickets;
    @Autowired SurveyRepository surveys;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    TicketScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new TicketScenario(runtimeService, taskService, managementService);
    }

    @Test
    void aValidTicketIsCreatedRoutedAndShownMasked() throws Exception {
        String number = create(VALID);
        mvc.perform(get("/api/tickets/" + number))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNASSIGNED"))
                .andExpect(jsonPath("$.currentTier").value(1))
                .andExpect(jsonPath("$.queue").value("REPAIR"))
                .andExpect(jsonPath("$.responseTarget").value("PT30M"))
                .andExpect(jsonPath("$.resolutionTarget").value("P1D"))
                .andExpect(jsonPath("$.customer.name").value("张*"))
                .andExpect(jsonPath("$.customer.phone").value("138****5678"))
                .andExpect(jsonPath("$.customer.email").value("z***@example.cn"))
                .andExpect(jsonPath("$.orderNumber").value("****7781"))
                .andExpect(jsonPath("$.timeline[0].action").value("RECEIVED"))
                .andExpect(jsonPath("$.clocks[0].clock").value("ASSIGNMENT"))
                .andExpect(jsonPath("$.clocks[1].clock").value("RESPONSE"))
                .andExpect(jsonPath("$.clocks[1].target").value("PT30M"))
                .andExpect(jsonPath("$.clocks[1].calendar").value("24x7"))
                .andExpect(jsonPath("$.clocks[1].dueAt").isNotEmpty())
                .andExpect(jsonPath("$.clocks[1].remaining").value(matchesPattern("PT(29M[0-9.]*S|30M)")))
                .andExpect(jsonPath("$.clocks[2].clock").value("RESOLUTION"))
                .andExpect(jsonPath("$.clocks[2].escalationAt").isNotEmpty())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("13812345678"))));

        // answered before the acknowledgement and the tier-1 task: those are a job of their own
        mvc.perform(get("/api/tickets/" + number + "/notifications"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
        String instance = scenario.lifecycle(number).getId();
        assertThat(managementService.createJobQuery().processInstanceId(instance)
                .activityId(TicketLifecycle.TASK_ACKNOWLEDGE_RECEIPT).count()).isOne();
        assertThat(scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER1)).isNull();

        scenario.acknowledge(number);
        assertThat(scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER1)).isNotNull();
        mvc.perform(get("/api/tickets/" + number + "/notifications"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].template").value("TICKET_RECEIVED"))
                .andExpect(jsonPath("$[0].recipient").value("z***@example.cn"))
                .andExpect(jsonPath("$[0].status").value("PENDING"))
                .andExpect(jsonPath("$[0].attempts").value(0))
                .andExpect(jsonPath("$[0].nextAttemptAt").exists());
    }

    @Test
    void anAgentReplyStopsTheResponseClockAndOnlyAWaitingTicketTakesTheCustomersReply() throws Exception {
        String number = create(VALID);
        mvc.perform(post("/api/tickets/" + number + "/replies").contentType(MediaType.APPLICATION_JSON)
                .content("{\"message\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("message"));
        mvc.perform(post("/api/tickets/" + number + "/replies").contentType(MediaType.APPLICATION_JSON)
                .content("{\"message\": \"An engineer calls you in 10 minutes.\", \"agent\": \"alice\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.firstRespondedAt").isNotEmpty())
                .andExpect(jsonPath("$.clocks[1].outcome").value("MET"));
        mvc.perform(post("/api/tickets/" + number + "/customer-reply").contentType(MediaType.APPLICATION_JSON)
                .content("{\"message\": \"thanks\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("UNASSIGNED"));
    }

    @Test
    void unknownEnumValueNamesTheFieldAndItsValues() throws Exception {
        rejected(VALID.replace("\"PHONE\"", "\"FAX\""), 400)
                .andExpect(jsonPath("$.detail").value(containsString("channel")))
                .andExpect(jsonPath("$.detail").value(containsString("PHONE, WEB, EMAIL, APP, SOCIAL, STORE")))
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
    }

    @Test
    void missingSubjectIsNamed() throws Exception {
        rejected(VALID.replace("\"subject\": \"Oven does not heat\",", ""), 400)
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
    }

    @Test
    void malformedContactAndTooLongTextAreNamed() throws Exception {
        rejected(VALID.replace("zhang.san@example.cn", "not-an-email"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        rejected(VALID.replace("Oven does not heat", "x".repeat(201)), 400)
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
        rejected("{\"customerName\": ", 400)
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON."));
    }

    @Test
    void unknownTicketIs404() throws Exception {
        mvc.perform(get("/api/tickets/CG20990101999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("CG20990101999")));
        mvc.perform(post("/api/tickets/CG20990101999/confirmation").contentType(MediaType.APPLICATION_JSON)
                .content("{\"accepted\": true}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void confirmingTwiceOrBeforeTheSolutionIsAConflict() throws Exception {
        String number = create(VALID);
        scenario.acknowledge(number);
        confirm(number, "{\"accepted\": true}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("UNASSIGNED"));
        confirm(number, "{\"comment\": \"no answer field\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("accepted"));

        scenario.resolveAtTier1(number, "Reset the thermostat");
        confirm(number, "{\"accepted\": true, \"comment\": \"fine\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        confirm(number, "{\"accepted\": false}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void aSurveyAnswersOnceAndScoresStayWithinOneToFive() throws Exception {
        String number = create(VALID);
        scenario.acknowledge(number);
        scenario.resolveAtTier1(number, "Reset the thermostat");
        confirm(number, "{\"accepted\": true}").andExpect(status().isOk());
        TicketScenario.advance(java.time.Duration.ofHours(1));
        try {
            scenario.executeDueJobs();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        String token = surveys.findByTicketId(tickets.findByNumber(number).orElseThrow().getId()).orElseThrow()
                .getToken();
        String answer = "{\"responseSpeed\": 5, \"resolutionEfficiency\": 4, \"attitude\": 5, \"effectiveness\": 4, \"overall\": %d, \"comment\": \"ok\"}";

        mvc.perform(post("/api/surveys/" + token).contentType(MediaType.APPLICATION_JSON).content(answer.formatted(7)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("overall"));
        mvc.perform(post("/api/surveys/" + token).contentType(MediaType.APPLICATION_JSON).content(answer.formatted(4)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ANSWERED"));
        mvc.perform(post("/api/surveys/" + token).contentType(MediaType.APPLICATION_JSON).content(answer.formatted(1)))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/surveys/" + "x".repeat(43)).contentType(MediaType.APPLICATION_JSON)
                .content(answer.formatted(4)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/tickets/" + number))
                .andExpect(jsonPath("$.survey.overall").value(4))
                .andExpect(jsonPath("$.survey.status").value("ANSWERED"));
    }

    private String create(String body) throws Exception {
        String response = mvc.perform(post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/tickets/CG\\d{8}\\d{3,}")))
                .andExpect(jsonPath("$.status").value("UNASSIGNED"))
                .andExpect(jsonPath("$.responseDueAt").isNotEmpty())
                .andExpect(jsonPath("$.resolutionDueAt").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        JsonNode created = json.readTree(response);
        return created.get("number").asText();
    }

    /** Bad input: the status and problem+json, and nothing written, neither a ticket nor a process. */
    private ResultActions rejected(String body, int expectedStatus) throws Exception {
        long ticketsBefore = tickets.count();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();
        ResultActions result = mvc.perform(post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(expectedStatus))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(tickets.count()).isEqualTo(ticketsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
        return result;
    }

    private ResultActions confirm(String number, String body) throws Exception {
        return mvc.perform(post("/api/tickets/" + number + "/confirmation").contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

}
