package org.servicedesk.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.TicketScenario;
import org.servicedesk.survey.SurveyAnswer;
import org.servicedesk.survey.SurveyAnswers;
import org.servicedesk.survey.SurveyRepository;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Channel;
import org.servicedesk.ticket.Confirmation;
import org.servicedesk.ticket.CustomerConfirmations;
import org.servicedesk.ticket.NewTicket;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.servicedesk.LoggedIn;

/** The customer's earlier tickets reach the agent: in the tier task's context and at the history API. */
@SpringBootTest
@ActiveProfiles("test")
class CustomerHistoryTest {

    static final Instant MONDAY_9AM = Instant.parse("2026-11-23T01:00:00Z");

    @Autowired WebApplicationContext context;
    MockMvc mvc;

    @BeforeEach
    void logIn() {
        mvc = LoggedIn.mvc(context, "alice");
    }
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired TicketIntake intake;
    @Autowired TicketRepository tickets;
    @Autowired CustomerRepository customers;
    @Autowired CustomerConfirmations confirmations;
    @Autowired SurveyRepository surveys;
    @Autowired SurveyAnswers surveyAnswers;

    TicketScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new TicketScenario(runtimeService, taskService, managementService);
        TicketScenario.setClock(MONDAY_9AM);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theAgentSeesTheCustomersEarlierTicketsWithOutcomeAndSurveyScoreButNoContactDetails() throws Exception {
        Customer customer = customers.save(new Customer("Omar Haddad", "+971 4 555 0199", "omar@example.ae",
                CustomerTier.MEMBER, "Energy", "en", "EMAIL", TicketScenario.now()));

        // an earlier ticket: resolved, confirmed, surveyed with 4 of 5
        String earlier = create(customer.getId(), "Printer does not print");
        assertThat(history(earlier)).isEqualTo("No earlier tickets.");
        scenario.resolveAtTier1(earlier, "Clean the paper path.");
        confirmations.answer(earlier, new Confirmation(true, null));
        TicketScenario.advance(Duration.ofHours(1).plusMinutes(1));
        scenario.executeDueJobs();
        String token = surveys.findByTicketId(tickets.findByNumber(earlier).orElseThrow().getId()).orElseThrow()
                .getToken();
        surveyAnswers.answer(token, new SurveyAnswer(5, 4, 5, 4, 4, "ok"));

        // the next ticket's tier-1 form shows it
        TicketScenario.advance(Duration.ofDays(1));
        String next = create(customer.getId(), "Scanner\nis slow");
        String history = history(next);
        assertThat(history).isEqualTo("- " + earlier + " · 2026-11-23 · Printer does not print · CLOSED (CONFIRMED)"
                + " · survey 4/5");
        assertThat(history).doesNotContain("Omar", "555", "omar@", next);

        // and the API, latest first
        String body = mvc.perform(get("/api/customers/{id}/history", customer.getId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(customer.getId()))
                .andExpect(jsonPath("$.tier").value("MEMBER"))
                .andExpect(jsonPath("$.tickets.length()").value(2))
                .andExpect(jsonPath("$.tickets[0].number").value(next))
                .andExpect(jsonPath("$.tickets[0].status").value("UNASSIGNED"))
                .andExpect(jsonPath("$.tickets[0].subject").value("Scanner\nis slow"))
                .andExpect(jsonPath("$.tickets[1].number").value(earlier))
                .andExpect(jsonPath("$.tickets[1].status").value("CLOSED"))
                .andExpect(jsonPath("$.tickets[1].closeReason").value("CONFIRMED"))
                .andExpect(jsonPath("$.tickets[1].surveyOverall").value(4))
                .andExpect(jsonPath("$.tickets[1].createdAt").value("2026-11-23T01:00:00Z"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("Omar", "555", "omar@");
    }

    @Test
    void anUnknownCustomerHasNoHistory() throws Exception {
        mvc.perform(get("/api/customers/{id}/history", 999_999))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Customer not found"));
    }

    private String create(Long customerId, String subject) {
        String number = intake.create(new NewTicket(customerId, "Omar Haddad", "+971 4 555 0199", "omar@example.ae",
                Channel.EMAIL, Category.INQUIRY, Priority.P2, subject, "Details.", null, null)).getNumber();
        intake.routeNow(number);
        return number;
    }

    private String history(String number) {
        Task task = scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER1);
        return (String) taskService.getVariableLocal(task.getId(), "customerHistory");
    }
}
