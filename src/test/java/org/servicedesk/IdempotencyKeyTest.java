package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.ticket.TicketRepository;
import org.servicedesk.ticket.TicketLifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client that sends a request again under its {@code Idempotency-Key} (after a time-out, say) gets
 * the first answer and no second effect: no second ticket, no second message to the customer, no
 * second confirmation. Another request under a used key is a 422; a key is its caller's own and is
 * forgotten after a day.
 */
@SpringBootTest
@ActiveProfiles("test")
class IdempotencyKeyTest {

    static final String TICKET = """
            {"customerName": "张三", "phone": "13812345678", "email": "zhang.san@example.cn",
             "channel": "WEB", "category": "REPAIR", "priority": "P1",
             "subject": "Oven does not heat", "description": "Model O-7; no heat since today."}
            """;

    @Autowired WebApplicationContext context;
    @Autowired ObjectMapper json;
    @Autowired TicketRepository tickets;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    MockMvc channel;
    MockMvc agent;
    TicketScenario scenario;

    @BeforeEach
    void setUp() {
        channel = LoggedIn.mvc(context, LoggedIn.CHANNEL);
        agent = LoggedIn.mvc(context, "sam");
        scenario = new TicketScenario(runtimeService, taskService, managementService);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aRetriedIntakeIsAnsweredWithTheFirstTicketAndMakesNoOther() throws Exception {
        String key = UUID.randomUUID().toString();
        long ticketsBefore = tickets.count();
        long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(TicketLifecycle.PROCESS_ID).count();

        String first = created(postTicket(channel, key, TICKET));
        String retried = created(postTicket(channel, key, TICKET)
                .andExpect(jsonPath("$.responseDueAt").isNotEmpty()));
        String again = created(postTicket(channel, key, TICKET.replace("\n", " "))); // same JSON, other spacing

        assertThat(retried).isEqualTo(first);
        assertThat(again).isEqualTo(first);
        assertThat(tickets.count()).as("tickets made").isEqualTo(ticketsBefore + 1);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(TicketLifecycle.PROCESS_ID).count())
                .as("lifecycle instances started")
                .isEqualTo(instancesBefore + 1);
        // without a key, a retry is a new ticket, as before
        assertThat(created(postTicket(channel, null, TICKET))).isNotEqualTo(first);
    }

    @Test
    void aUsedKeyWithAnotherRequestIsRefusedAndMakesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        created(postTicket(channel, key, TICKET));
        long ticketsBefore = tickets.count();

        postTicket(channel, key, TICKET.replace("Oven does not heat", "Oven smells of gas"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Idempotency-Key already used"))
                .andExpect(jsonPath("$.detail").value(containsString("send a new key")));
        assertThat(tickets.count()).isEqualTo(ticketsBefore);
    }

    @Test
    void aKeyIsItsCallersOwn() throws Exception {
        String key = UUID.randomUUID().toString();
        String channels = created(postTicket(channel, key, TICKET));
        String agents = created(postTicket(agent, key, TICKET));
        assertThat(agents).isNotEqualTo(channels);
    }

    @Test
    void aKeyIsForgottenAfterADay() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = created(postTicket(channel, key, TICKET));
        TicketScenario.advance(Duration.ofHours(23));
        assertThat(created(postTicket(channel, key, TICKET))).as("within the day").isEqualTo(first);

        TicketScenario.advance(Duration.ofHours(1).plusSeconds(1));
        String later = created(postTicket(channel, key, TICKET));
        assertThat(later).as("a day later the key names a new ticket").isNotEqualTo(first);
        assertThat(jdbc.queryForList("select ticket_number from idempotency_key where idem_key = ?", String.class,
                key)).as("the expired key replaced").containsExactly(later);
    }

    @Test
    void aMalformedKeyIs400AndMakesNothing() throws Exception {
        long ticketsBefore = tickets.count();
        for (String malformed : new String[] { "two words", "x".repeat(256), "schlüssel" }) {
            postTicket(channel, malformed, TICKET)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Invalid Idempotency-Key"));
        }
        assertThat(tickets.count()).isEqualTo(ticketsBefore);
    }

    @Test
    void aRetriedAgentReplyReachesTheCustomerOnce() throws Exception {
        String number = created(postTicket(channel, null, TICKET));
        String key = UUID.randomUUID().toString();
        String reply = "{\"message\": \"An engineer calls you at 10:00.\", \"agent\": \"alice\"}";

        post(agent, "/api/tickets/" + number + "/replies", key, reply).andExpect(status().isOk());
        post(agent, "/api/tickets/" + number + "/replies", key, reply).andExpect(status().isOk())
                .andExpect(jsonPath("$.firstRespondedAt").isNotEmpty());
        assertThat(replies(number)).as("messages to the customer").isEqualTo(1);

        post(agent, "/api/tickets/" + number + "/replies", key, reply.replace("10:00", "11:00"))
                .andExpect(status().isUnprocessableEntity());
        post(agent, "/api/tickets/" + number + "/replies", UUID.randomUUID().toString(),
                reply.replace("10:00", "11:00")).andExpect(status().isOk());
        assertThat(replies(number)).as("a new key is a new message").isEqualTo(2);
    }

    @Test
    void aRetriedConfirmationIsAnsweredAsTheFirstNotAsAConflict() throws Exception {
        String number = created(postTicket(channel, null, TICKET));
        scenario.acknowledge(number);
        scenario.resolveAtTier1(number, "Reset the thermostat");
        String key = UUID.randomUUID().toString();

        post(agent, "/api/tickets/" + number + "/confirmation", key, "{\"accepted\": true}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        post(agent, "/api/tickets/" + number + "/confirmation", key, "{\"accepted\": true}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        // without the key the second answer is a conflict: the ticket is closed already
        post(agent, "/api/tickets/" + number + "/confirmation", null, "{\"accepted\": true}")
                .andExpect(status().isConflict());
    }

    private long replies(String number) {
        return jdbc.queryForObject("select count(*) from notification n join ticket t on t.id = n.ticket_id"
                + " where t.number = ? and n.template = 'AGENT_REPLY'", Long.class, number);
    }

    private ResultActions postTicket(MockMvc as, String key, String body) throws Exception {
        return post(as, "/api/tickets", key, body);
    }

    private static ResultActions post(MockMvc as, String path, String key, String body) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return as.perform(request);
    }

    private String created(ResultActions result) throws Exception {
        String body = result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("number").asText();
    }
}
