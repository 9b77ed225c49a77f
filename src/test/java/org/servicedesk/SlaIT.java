package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.crm.Customer;
import org.servicedesk.crm.CustomerRepository;
import org.servicedesk.crm.CustomerTier;
import org.servicedesk.notification.Notification;
import org.servicedesk.notification.NotificationRepository;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.notification.RecipientKind;
import org.servicedesk.sla.ClockKind;
import org.servicedesk.sla.SlaClock;
import org.servicedesk.sla.SlaClockProcess;
import org.servicedesk.sla.SlaClocks;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Channel;
import org.servicedesk.ticket.Conversations;
import org.servicedesk.ticket.Message;
import org.servicedesk.ticket.NewTicket;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketRepository;
import org.servicedesk.ticket.ServiceLevels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A VIP P0 enquiry on the business-hours calendar (Mon-Fri 09:00-18:00, Shanghai), received
 * Friday 17:30, on PostgreSQL: due dates as policy and calendar say, warnings and breaches at
 * those instants (the due jobs executed at a moved clock), and a pause that moves the
 * resolution due date by exactly the paused working time.
 */
@SpringBootTest
@ActiveProfiles({ "postgres", "it" })
class SlaIT {

    static final Instant FRIDAY_1730 = Instant.parse("2026-11-27T09:30:00Z");

    static Instant shanghai(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Autowired TicketIntake intake;
    @Autowired ServiceLevels serviceLevels;
    @Autowired TicketRepository tickets;
    @Autowired CustomerRepository customers;
    @Autowired SlaClocks clocks;
    @Autowired Conversations conversations;
    @Autowired NotificationRepository notifications;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    TicketScenario scenario;

    @Autowired org.camunda.bpm.engine.IdentityService identityService;

    @BeforeEach
    void setUp() {
        scenario = new TicketScenario(runtimeService, taskService, managementService);
        if (identityService.createUserQuery().userId("duty").count() == 0) {
            identityService.saveUser(identityService.newUser("duty"));
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void vipP0ReceivedFridayEvening() {
        TicketScenario.setClock(FRIDAY_1730);
        Customer vip = customers.save(new Customer("Li Wei", "+86 139 0000 1111", "li.wei@example.cn",
                CustomerTier.VIP, "Finance", "en", "EMAIL", FRIDAY_1730));
        String number = intake.create(new NewTicket(vip.getId(), vip.getName(), vip.getPhone(), vip.getEmail(),
                Channel.PHONE, Category.INQUIRY, Priority.P0, "Trading terminal questions",
                "How do I export the day's orders?", null, null)).getNumber();
        scenario.executeDueJobs();
        ProcessInstance instance = scenario.lifecycle(number);

        SlaClock assignment = clock(number, ClockKind.ASSIGNMENT);
        SlaClock response = clock(number, ClockKind.RESPONSE);
        SlaClock resolution = clock(number, ClockKind.RESOLUTION);
        assertThat(resolution.getCalendar()).isEqualTo("business-hours");
        assertThat(assignment.getDueAt()).isEqualTo(shanghai("2026-11-27T17:35"));
        assertThat(assignment.getWarningAt()).isEqualTo(shanghai("2026-11-27T17:33"));
        // 30 min on Friday, the other 30 on Monday
        assertThat(response.getDueAt()).isEqualTo(shanghai("2026-11-30T09:30"));
        assertThat(response.getWarningAt()).isEqualTo(shanghai("2026-11-30T09:15"));
        assertThat(resolution.getDueAt()).isEqualTo(shanghai("2026-11-30T10:30"));
        assertThat(resolution.getWarningAt()).isEqualTo(shanghai("2026-11-30T10:00"));
        assertThat(resolution.getEscalationAt()).isEqualTo(shanghai("2026-12-02T16:30"));
        assertThat(scenario.clockTimerDue(number, ClockKind.RESPONSE, SlaClockProcess.BOUNDARY_SLA_BREACHED).toInstant())
                .isEqualTo(shanghai("2026-11-30T09:30"));

        at("2026-11-27T17:32:59");
        assertThat(sent(number, NotificationTemplate.SLA_WARNING)).isEmpty();
        at("2026-11-27T17:33:00");
        assertThat(sent(number, NotificationTemplate.SLA_WARNING)).hasSize(1);
        at("2026-11-27T17:35:00");
        assertThat(sent(number, NotificationTemplate.SLA_BREACH)).hasSize(1);
        scenario.handleBreach(number, Map.of(TicketLifecycle.VAR_BREACH_ACTION, "REASSIGN",
                TicketLifecycle.VAR_NEW_ASSIGNEE, "duty", TicketLifecycle.VAR_BREACH_COMMENT, "Weekend duty"));

        at("2026-11-30T09:14:59"); // the weekend passes without a response warning
        assertThat(sent(number, NotificationTemplate.SLA_WARNING)).hasSize(1);
        at("2026-11-30T09:15:00");
        assertThat(sent(number, NotificationTemplate.SLA_WARNING)).hasSize(2);

        at("2026-11-30T09:20:00");
        scenario.askCustomer(number, TicketLifecycle.TASK_HANDLE_TIER1, "duty", "Which exchange do you trade on?");
        assertThat(clock(number, ClockKind.RESPONSE).getOutcome()).isEqualTo(SlaClock.Outcome.MET);

        at("2026-11-30T11:20:00"); // paused for 2 working hours; the old due date 10:30 passed silently
        assertThat(sent(number, NotificationTemplate.SLA_BREACH)).hasSize(1);
        conversations.customerReply(number, new Message("SSE", null));
        SlaClock resumed = clock(number, ClockKind.RESOLUTION);
        assertThat(resumed.getPausedSeconds()).isEqualTo(2 * 3600);
        assertThat(resumed.getDueAt()).isEqualTo(shanghai("2026-11-30T12:30"));
        assertThat(resumed.getWarningAt()).isEqualTo(shanghai("2026-11-30T12:00"));
        Ticket ticket = tickets.findByNumber(number).orElseThrow();
        assertThat(serviceLevels.dueDates(ticket.getId()).resolution()).isEqualTo(shanghai("2026-11-30T12:30"));
        assertThat(scenario.clockTimerDue(number, ClockKind.RESOLUTION, SlaClockProcess.BOUNDARY_SLA_BREACHED).toInstant())
                .isEqualTo(shanghai("2026-11-30T12:30"));

        at("2026-11-30T11:59:59");
        assertThat(sent(number, NotificationTemplate.SLA_WARNING)).hasSize(2);
        at("2026-11-30T12:00:00");
        assertThat(sent(number, NotificationTemplate.SLA_WARNING)).hasSize(3);
        at("2026-11-30T12:29:59");
        assertThat(sent(number, NotificationTemplate.SLA_BREACH)).hasSize(1);
        at("2026-11-30T12:30:00");
        assertThat(sent(number, NotificationTemplate.SLA_BREACH)).hasSize(2);
        assertThat(clock(number, ClockKind.RESOLUTION).getBreachedAt()).isEqualTo(shanghai("2026-11-30T12:30"));
    }

    private void at(String shanghaiTime) {
        TicketScenario.setClock(shanghai(shanghaiTime));
        scenario.executeDueJobs();
    }

    private SlaClock clock(String number, ClockKind kind) {
        return clocks.latest(tickets.findByNumber(number).orElseThrow().getId(), kind).orElseThrow();
    }

    /** Sent to the customer or a group; the assignee's own copy of a warning is not counted here. */
    private List<Notification> sent(String number, NotificationTemplate template) {
        Long id = tickets.findByNumber(number).orElseThrow().getId();
        return notifications.findByTicketIdOrderByIdAsc(id).stream().filter(n -> n.getTemplate() == template)
                .filter(n -> n.getRecipientKind() != RecipientKind.USER).toList();
    }

}
