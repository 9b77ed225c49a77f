package org.servicedesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.TicketScenario;
import org.servicedesk.notification.NotificationRepository;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.survey.SurveyRepository;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketRepository;
import org.servicedesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages behind the links customers get: each opens by its token (never by ticket number), opening
 * changes nothing, and the button answers once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CustomerPagesTest {

    @Autowired MockMvc mvc;
    @Autowired TicketIntake intake;
    @Autowired TicketRepository tickets;
    @Autowired SurveyRepository surveys;
    @Autowired NotificationRepository notifications;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

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
    void theSolutionLinksOpenAPageAndItsButtonRejectsOnce() throws Exception {
        String number = routedTicket();
        scenario.resolveAtTier1(number, "Restart the router <b>twice</b>");
        String path = linkPath(number, NotificationTemplate.SOLUTION_TO_CONFIRM);
        assertThat(path).matches("/customer/confirmations/[A-Za-z0-9_-]{43}");

        mvc.perform(get(path).param("accepted", "false"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("No, it is not solved")));
        assertThat(ticketStatus(number)).isEqualTo(TicketStatus.PENDING_CONFIRMATION); // opening the link changes nothing

        mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("accepted", "false").param("comment", "<script>alert(1)</script> still broken"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("reopened")))
                .andExpect(content().string(not(containsString("<script>"))));
        assertThat(ticketStatus(number)).isEqualTo(TicketStatus.UNASSIGNED);

        mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).param("accepted", "true"))
                .andExpect(status().isGone()) // the link worked once
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("used already")));
        mvc.perform(get(path)).andExpect(status().isGone());
        assertThat(ticketStatus(number)).isEqualTo(TicketStatus.UNASSIGNED);
        mvc.perform(get("/customer/confirmations/" + "A".repeat(43)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This link is not valid.")));
        // the addresses by ticket number of earlier versions open nothing
        mvc.perform(get("/customer/tickets/" + number + "/confirmation"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This link is not valid.")))
                .andExpect(content().string(not(containsString(number))));
        mvc.perform(post("/customer/tickets/" + number + "/confirmation")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("accepted", "true"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theQuestionLinkTakesTheCustomersAnswer() throws Exception {
        String number = routedTicket();
        scenario.askCustomer(number, TicketLifecycle.TASK_HANDLE_TIER1, "alice", "Which model is it?");
        String path = linkPath(number, NotificationTemplate.INFORMATION_REQUESTED);
        assertThat(path).matches("/customer/replies/[A-Za-z0-9_-]{43}");
        mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("<textarea")))
                .andExpect(header().string("Referrer-Policy", "same-origin")) // the token stays on this site
                .andExpect(content().string(not(containsString("<style"))));
        mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).param("message", " "))
                .andExpect(status().isBadRequest());
        mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).param("message", "bad\u0000byte"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).param("message", "The X200"))
                .andExpect(status().isOk());
        assertThat(ticketStatus(number)).isEqualTo(TicketStatus.UNASSIGNED);
        mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).param("message", "Again"))
                .andExpect(status().isGone());
        mvc.perform(get("/customer/tickets/" + number + "/reply")).andExpect(status().isNotFound());
    }

    @Test
    void theSurveyPageTakesOneCompleteAnswer() throws Exception {
        String number = routedTicket();
        scenario.resolveAtTier1(number, "Use the export button");
        String confirmation = linkPath(number, NotificationTemplate.SOLUTION_TO_CONFIRM);
        mvc.perform(post(confirmation.replace("/customer/", "/api/")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"accepted\": true}")).andExpect(status().isOk());
        TicketScenario.advance(Duration.ofHours(1));
        scenario.executeDueJobs();
        String token = surveys.findByTicketId(ticketId(number)).orElseThrow().getToken();
        String path = "/customer/surveys/" + token;

        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Overall, how satisfied are you?")));
        mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("responseSpeed", "5").param("resolutionEfficiency", "4").param("attitude", "5")
                .param("effectiveness", "7").param("overall", "4"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("How well did the solution work?")));
        mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("responseSpeed", "5").param("resolutionEfficiency", "4").param("attitude", "5")
                .param("effectiveness", "4").param("overall", "4").param("comment", "Fine"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Thank you")));
        mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("responseSpeed", "1").param("resolutionEfficiency", "1").param("attitude", "1")
                .param("effectiveness", "1").param("overall", "1"))
                .andExpect(status().isConflict());
        mvc.perform(get(path)).andExpect(status().isGone());
        assertThat(surveys.findByToken(token).orElseThrow().getOverall()).isEqualTo(4);
        mvc.perform(get("/customer/surveys/" + "x".repeat(43))).andExpect(status().isNotFound());
    }

    @Test
    void customerTextIsEscapedOnThePages() throws Exception {
        String number = routedTicket();
        scenario.askCustomer(number, TicketLifecycle.TASK_HANDLE_TIER1, "alice", "Which model?");
        String path = linkPath(number, NotificationTemplate.INFORMATION_REQUESTED);
        mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("message", "<img src=x onerror=alert(1)> ${7*7} #{7*7}"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<img"))));
        mvc.perform(get("/customer/surveys/<script>alert(1)</script>"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("<script>alert"))));
    }

    @Test
    void aChineseCustomersConfirmationPageIsChinese() throws Exception {
        String number = routedTicket(); // the customer 张三: language zh, messages in Chinese
        scenario.resolveAtTier1(number, "Restart the router");
        String path = linkPath(number, NotificationTemplate.SOLUTION_TO_CONFIRM);

        mvc.perform(get(path).header("Accept-Language", "zh-CN,zh;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"zh\">")))
                .andExpect(content().string(containsString("<title>请求 " + number + "</title>")))
                .andExpect(content().string(containsString("我们的解决方案解决了您的问题吗？")))
                .andExpect(content().string(containsString(">是的，已解决</button>")));
        mvc.perform(post(path).header("Accept-Language", "zh").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("accepted", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("谢谢：您的请求已关闭。")));
    }

    /** The path of the link in the ticket's latest message of this kind. */
    private String linkPath(String number, NotificationTemplate template) {
        String link = notifications.findByTicketIdOrderByIdAsc(ticketId(number)).stream()
                .filter(n -> n.getTemplate() == template).reduce((first, second) -> second).orElseThrow().getLink();
        return link.substring(link.indexOf("/customer/"));
    }

    private String routedTicket() {
        String number = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2)).getNumber();
        intake.routeNow(number);
        return number;
    }

    private Long ticketId(String number) {
        return tickets.findByNumber(number).orElseThrow().getId();
    }

    private TicketStatus ticketStatus(String number) {
        return tickets.findByNumber(number).orElseThrow().getStatus();
    }
}
