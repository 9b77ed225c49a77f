package org.servicedesk;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.servicedesk.TicketScenario.advance;
import static org.servicedesk.TicketScenario.newTicket;
import static org.servicedesk.TicketScenario.setClock;
import static org.servicedesk.ticket.TicketLifecycle.EVENT_AWAIT_CONFIRMATION;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER1;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER2;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER3;
import static org.servicedesk.ticket.TicketLifecycle.TASK_LOOK_UP_CUSTOMER;
import static org.servicedesk.ticket.TicketLifecycle.TASK_REVIEW_RESOLUTION;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.crm.Customer;
import org.servicedesk.crm.CustomerRepository;
import org.servicedesk.crm.CustomerTier;
import org.servicedesk.knowledge.ArticleStatus;
import org.servicedesk.knowledge.KnowledgeArticleRepository;
import org.servicedesk.knowledge.KnowledgeReview;
import org.servicedesk.notification.Notification;
import org.servicedesk.notification.NotificationRepository;
import org.servicedesk.notification.NotificationChannel;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.notification.RecipientKind;
import org.servicedesk.survey.FollowUpRepository;
import org.servicedesk.survey.SatisfactionSurvey;
import org.servicedesk.survey.SurveyAnswer;
import org.servicedesk.survey.SurveyAnswers;
import org.servicedesk.survey.SurveyRepository;
import org.servicedesk.survey.SurveyStatus;
import org.servicedesk.sla.ClockKind;
import org.servicedesk.sla.SlaClock;
import org.servicedesk.sla.SlaClockProcess;
import org.servicedesk.sla.SlaClocks;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Channel;
import org.servicedesk.ticket.Conversations;
import org.servicedesk.ticket.Message;
import org.servicedesk.ticket.NewTicket;
import org.servicedesk.ticket.CloseReason;
import org.servicedesk.ticket.Confirmation;
import org.servicedesk.ticket.CustomerConfirmations;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketRepository;
import org.servicedesk.ticket.TicketStatus;
import org.servicedesk.ticket.ServiceLevels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.ErrorResponseException;

/**
 * One test per path through the ticket lifecycle and the satisfaction survey, driven by the clock.
 * Closing a tier-2/3 ticket starts a knowledge article review; its paths are covered by
 * {@code KnowledgeReviewProcessTest}, so it does not count here.
 */
@CoveredProcessTest
@TestPropertySource(properties = "servicedesk.test.coverage.excluded-process-keys=" + KnowledgeReview.PROCESS_ID)
class ServiceDeskProcessTest {

    /** Monday 2026-11-23 09:00 in Shanghai. */
    static final Instant MONDAY_9AM = Instant.parse("2026-11-23T01:00:00Z");

    @Autowired ProcessEngine processEngine;
    @Autowired ServiceLevels serviceLevels;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired TicketIntake intake;
    @Autowired CustomerConfirmations confirmations;
    @Autowired SurveyAnswers surveyAnswers;
    @Autowired TicketRepository tickets;
    @Autowired NotificationRepository notifications;
    @Autowired KnowledgeArticleRepository articles;
    @Autowired SurveyRepository surveys;
    @Autowired FollowUpRepository followUps;
    @Autowired Conversations conversations;
    @Autowired CustomerRepository customers;
    @Autowired SlaClocks clocks;

    TicketScenario scenario;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        scenario = new TicketScenario(runtimeService, taskService, managementService);
        setClock(MONDAY_9AM);
        if (processEngine.getIdentityService().createUserQuery().userId("ben").count() == 0) {
            processEngine.getIdentityService().saveUser(processEngine.getIdentityService().newUser("ben"));
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void resolvedAtTier1AndConfirmedByTheCustomer() {
        String number = intake(Category.INQUIRY, Priority.P2);
        ProcessInstance instance = scenario.lifecycle(number);
        assertThat(instance).isWaitingAt(TASK_LOOK_UP_CUSTOMER);

        scenario.executeDueJobs();
        assertThat(instance).isWaitingAt(TASK_HANDLE_TIER1);
        assertThat(instance).task().hasCandidateGroup("tier1")
                .hasName(number + " · Printer does not print — Handle at tier 1");
        Ticket routed = ticket(number);
        Assertions.assertThat(routed.getStatus()).isEqualTo(TicketStatus.UNASSIGNED);
        Assertions.assertThat(routed.getQueue()).isEqualTo("GENERAL");
        Assertions.assertThat(serviceLevels.dueDates(routed.getId()).response())
                .isEqualTo(MONDAY_9AM.plus(Duration.ofHours(2)));
        Assertions.assertThat(routed.getCustomerTier()).isEqualTo("STANDARD");

        scenario.resolveAtTier1(number, "Clean the paper path as shown in article 12.");
        assertThat(instance).hasPassed("Task_SendSolution").hasNotPassed(TASK_REVIEW_RESOLUTION)
                .isWaitingAt(EVENT_AWAIT_CONFIRMATION);
        Assertions.assertThat(ticket(number).getStatus()).isEqualTo(TicketStatus.PENDING_CONFIRMATION);
        Assertions.assertThat(sent(number, NotificationTemplate.SOLUTION_TO_CONFIRM)).singleElement()
                .satisfies(n -> Assertions.assertThat(n.getLink()).matches(".*/customer/confirmations/[A-Za-z0-9_-]{43}")
                        .doesNotContain(number));

        confirmations.answer(number, new Confirmation(true, "Works again, thanks"));
        assertThat(instance).hasPassed("Task_CloseTicket").hasNotPassed("Task_UpdateKnowledgeBase").isEnded();
        Ticket closed = ticket(number);
        Assertions.assertThat(closed.getStatus()).isEqualTo(TicketStatus.CLOSED);
        Assertions.assertThat(closed.getCloseReason()).isEqualTo(CloseReason.CONFIRMED);
        Assertions.assertThat(articles.findBySourceTicketId(closed.getId())).isEmpty();
        assertThat(scenario.survey(number)).isWaitingAt(SatisfactionSurvey.TIMER_SURVEY_DELAY);
    }

    @Test
    void escalatedToTier2ResolvedReviewedAndDraftedAsKnowledge() {
        String number = intakeAndRoute(Category.TECHNICAL_FAULT, Priority.P1);
        ProcessInstance instance = scenario.lifecycle(number);

        scenario.escalateFromTier1(number, "Needs remote diagnosis of the firmware");
        assertThat(instance).isWaitingAt(TASK_HANDLE_TIER2);
        assertThat(instance).task().hasCandidateGroup("tier2");
        Assertions.assertThat(ticket(number).getCurrentTier()).isEqualTo(2);

        scenario.resolveAtTier2(number, "Firmware 2.4.1 installed remotely; jams fixed.");
        assertThat(instance).isWaitingAt(TASK_REVIEW_RESOLUTION);
        assertThat(instance).task().hasCandidateGroup("supervisors");
        Assertions.assertThat(ticket(number).getStatus()).isEqualTo(TicketStatus.IN_REVIEW);

        scenario.review(number, true, "Compliant");
        assertThat(instance).isWaitingAt(EVENT_AWAIT_CONFIRMATION);
        confirmations.answer(number, new Confirmation(true, null));
        assertThat(instance).hasPassed("Task_UpdateKnowledgeBase").isEnded();
        Assertions.assertThat(articles.findBySourceTicketId(ticket(number).getId())).get()
                .satisfies(article -> {
                    Assertions.assertThat(article.getStatus()).isEqualTo(ArticleStatus.DRAFT);
                    Assertions.assertThat(article.getSolution()).isEqualTo("Firmware 2.4.1 installed remotely; jams fixed.");
                });
    }

    @Test
    void escalatedToTier3ThenReopenedAtTier3WhenTheCustomerRejects() {
        String number = intakeAndRoute(Category.TECHNICAL_FAULT, Priority.P0);
        ProcessInstance instance = scenario.lifecycle(number);
        scenario.escalateFromTier1(number, "Reset did not help");
        scenario.escalateFromTier2(number, "Reproduced on P100 firmware 2.4: defect suspected; logs attached");
        assertThat(instance).isWaitingAt(TASK_HANDLE_TIER3);
        assertThat(instance).task().hasCandidateGroup("tier3");

        scenario.resolveAtTier3(number, "Workaround: disable duplex until 2.5", "Fix in firmware 2.5, release Dec 1");
        scenario.review(number, true, "OK");
        confirmations.answer(number, new Confirmation(false, "Duplex is what I need"));
        assertThat(instance).hasPassed("Event_CustomerRejected").isWaitingAt(TASK_HANDLE_TIER3);
        Assertions.assertThat(ticket(number).getStatus()).isEqualTo(TicketStatus.UNASSIGNED);

        scenario.resolveAtTier3(number, "Firmware 2.5 beta installed; duplex works", "Ship 2.5 to all on Dec 1");
        scenario.review(number, true, "OK");
        confirmations.answer(number, new Confirmation(true, null));
        assertThat(instance).isEnded();
        Assertions.assertThat(ticket(number).getResolvedTier()).isEqualTo(3);
        Assertions.assertThat(sent(number, NotificationTemplate.SOLUTION_TO_CONFIRM)).hasSize(2);
    }

    @Test
    void reviewRejectedGoesBackToTheTierThatResolved() {
        String number = intakeAndRoute(Category.REPAIR, Priority.P1);
        ProcessInstance instance = scenario.lifecycle(number);
        scenario.escalateFromTier1(number, "Needs a technician");
        scenario.resolveAtTier2(number, "Replace the fuser");

        scenario.review(number, false, "Say which part number and when the technician comes");
        assertThat(instance).isWaitingAt(TASK_HANDLE_TIER2);
        Assertions.assertThat(notifications.findByTicketIdOrderByIdAsc(ticket(number).getId()))
                .noneMatch(n -> n.getTemplate() == NotificationTemplate.SOLUTION_TO_CONFIRM);

        scenario.resolveAtTier2(number, "Fuser FU-100 replaced on Tuesday 10:00 by our technician");
        scenario.review(number, true, "Now complete");
        assertThat(instance).isWaitingAt(EVENT_AWAIT_CONFIRMATION);
        Assertions.assertThat(ticket(number).getResolution()).startsWith("Fuser FU-100");
    }

    @Test
    void customerRejectionReopensAtTier2() {
        String number = intakeAndRoute(Category.REPAIR, Priority.P1);
        ProcessInstance instance = scenario.lifecycle(number);
        scenario.escalateFromTier1(number, "Needs a technician");
        scenario.resolveAtTier2(number, "Fuser replaced");
        scenario.review(number, true, "OK");

        confirmations.answer(number, new Confirmation(false, "Still jams"));
        assertThat(instance).hasPassed("Event_CustomerRejected").isWaitingAt(TASK_HANDLE_TIER2);
        Assertions.assertThat(ticket(number).getCurrentTier()).isEqualTo(2);
    }

    @Test
    void customerRejectionReopensAtTier1AndTheMetResponseClockStaysQuiet() {
        String number = intakeAndRoute(Category.CUSTOM_REQUEST, Priority.P2); // respond in 8 h, resolve in 5 days
        ProcessInstance instance = scenario.lifecycle(number);
        scenario.resolveAtTier1(number, "Use the export button");

        confirmations.answer(number, new Confirmation(false, "There is no such button"));
        assertThat(instance).hasPassed("Event_CustomerRejected").isWaitingAt(TASK_HANDLE_TIER1);

        advance(Duration.ofHours(9)); // past the response due date: the clock stopped with the solution
        scenario.executeDueJobs();
        Assertions.assertThat(clockPassed(number, ClockKind.RESPONSE)).contains(SlaClockProcess.END_SLA_CLOCK_STOPPED)
                .doesNotContain(SlaClockProcess.TASK_NOTIFY_SLA_BREACH);
        Assertions.assertThat(scenario.runningClock(number, ClockKind.RESPONSE)).isNull();
        Assertions.assertThat(sent(number, NotificationTemplate.SLA_BREACH)).isEmpty();
    }

    @Test
    void complaintResolvedAtTier1IsReviewed() {
        String number = intakeAndRoute(Category.COMPLAINT, Priority.P2);
        ProcessInstance instance = scenario.lifecycle(number);
        Assertions.assertThat(ticket(number).getQueue()).isEqualTo("COMPLAINTS");
        scenario.resolveAtTier1(number, "Apology and refund of the delivery fee");
        assertThat(instance).isWaitingAt(TASK_REVIEW_RESOLUTION);
    }

    @Test
    void closedAsConfirmedWhenTheCustomerDoesNotAnswerInThreeDays() {
        String number = intakeAndRoute(Category.INQUIRY, Priority.P2);
        ProcessInstance instance = scenario.lifecycle(number);
        scenario.resolveAtTier1(number, "Use the export button");

        advance(Duration.ofDays(3).minusMinutes(1));
        scenario.executeDueJobs();
        assertThat(instance).isWaitingAt(EVENT_AWAIT_CONFIRMATION);

        advance(Duration.ofMinutes(1));
        scenario.executeDueJobs();
        assertThat(instance).hasPassed("Event_ConfirmationTimedOut").isEnded();
        Ticket closed = ticket(number);
        Assertions.assertThat(closed.getStatus()).isEqualTo(TicketStatus.CLOSED);
        Assertions.assertThat(closed.getCloseReason()).isEqualTo(CloseReason.CONFIRMATION_TIMEOUT);
    }

    // ----- service levels (processes/sla-policy.dmn on the business-hours calendar, Mon-Fri 09:00-18:00 Shanghai)

    @Test
    void vipAssignmentWarnsThenBreachesAndASupervisorReassigns() {
        String number = intakeAndRoute(vipTicket(Category.INQUIRY, Priority.P1)); // VIP: assign within 5 min
        ProcessInstance instance = scenario.lifecycle(number);
        Assertions.assertThat(clock(number, ClockKind.ASSIGNMENT).getDueAt()).isEqualTo(MONDAY_9AM.plusSeconds(300));

        advance(Duration.ofMinutes(2)); // warning lead PT2M: 3 minutes in
        scenario.executeDueJobs();
        Assertions.assertThat(sentTo(number, NotificationTemplate.SLA_WARNING)).isEmpty();
        advance(Duration.ofMinutes(1));
        scenario.executeDueJobs();
        Assertions.assertThat(clockPassed(number, ClockKind.ASSIGNMENT)).contains(SlaClockProcess.TASK_NOTIFY_SLA_WARNING);
        Assertions.assertThat(sentTo(number, NotificationTemplate.SLA_WARNING)).singleElement()
                .satisfies(n -> Assertions.assertThat(n.getSubject()).contains("assignment"));

        advance(Duration.ofMinutes(2));
        scenario.executeDueJobs();
        Assertions.assertThat(clockPassed(number, ClockKind.ASSIGNMENT)).contains(SlaClockProcess.TASK_NOTIFY_SLA_BREACH,
                SlaClockProcess.TASK_HANDLE_SLA_BREACH);
        assertThat(instance).isWaitingAt(TASK_HANDLE_TIER1);
        Assertions.assertThat(scenario.openBreachTasks(number)).isOne();
        Assertions.assertThat(sentTo(number, NotificationTemplate.SLA_BREACH)).hasSize(1);
        Assertions.assertThat(taskService.getVariable(
                scenario.openTask(number, SlaClockProcess.TASK_HANDLE_SLA_BREACH).getId(),
                SlaClockProcess.VAR_BREACHED_CLOCK)).isEqualTo("ASSIGNMENT");

        advance(Duration.ofMinutes(1));
        scenario.handleBreach(number, Map.of(TicketLifecycle.VAR_BREACH_ACTION, "REASSIGN",
                TicketLifecycle.VAR_NEW_ASSIGNEE, "ben", TicketLifecycle.VAR_BREACH_COMMENT, "alice is on a call"));
        Assertions.assertThat(scenario.openTask(number, TASK_HANDLE_TIER1).getAssignee()).isEqualTo("ben");
        SlaClock assignment = clock(number, ClockKind.ASSIGNMENT);
        Assertions.assertThat(assignment.getOutcome()).isEqualTo(SlaClock.Outcome.BREACHED);
        Assertions.assertThat(assignment.getOverrunSeconds()).isEqualTo(60);
        Assertions.assertThat(scenario.openBreachTasks(number)).isZero();
    }

    @Test
    void aBreachTaskOutlivingItsClosedTicketTakesACommentAndRefusesToReassign() {
        String number = intakeAndRoute(vipTicket(Category.INQUIRY, Priority.P1));
        advance(Duration.ofMinutes(6)); // past the VIP's 5-minute assignment target
        scenario.executeDueJobs();
        Assertions.assertThat(scenario.openBreachTasks(number)).isOne();
        scenario.resolveAtTier1(number, "Clean the paper path as shown in article 12.");
        if (taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(TASK_REVIEW_RESOLUTION).count() > 0) {
            scenario.review(number, true, "OK");
        }
        ProcessInstance lifecycle = scenario.lifecycle(number);
        confirmations.answer(number, new Confirmation(true, "Works again, thanks"));
        assertThat(lifecycle).isEnded();
        Assertions.assertThat(scenario.openBreachTasks(number)).as("the breach task outlives the ticket").isOne();

        Assertions.assertThatThrownBy(() -> scenario.handleBreach(number, Map.of(TicketLifecycle.VAR_BREACH_ACTION,
                "REASSIGN", TicketLifecycle.VAR_NEW_ASSIGNEE, "ben", TicketLifecycle.VAR_BREACH_COMMENT, "late")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("no open task to reassign");
        Assertions.assertThatThrownBy(() -> scenario.handleBreach(number, Map.of(TicketLifecycle.VAR_BREACH_ACTION,
                "CHANGE_PRIORITY", TicketLifecycle.VAR_NEW_PRIORITY, "P0", TicketLifecycle.VAR_BREACH_COMMENT, "late")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("the ticket is closed");
        Assertions.assertThat(ticket(number).getPriority()).isEqualTo(Priority.P1);
        scenario.handleBreach(number, Map.of(TicketLifecycle.VAR_BREACH_ACTION, "COMMENT",
                TicketLifecycle.VAR_BREACH_COMMENT, "Assigned late on a busy morning"));
        Assertions.assertThat(scenario.openBreachTasks(number)).isZero();
        Assertions.assertThat(clockPassed(number, ClockKind.ASSIGNMENT)).contains("EndEvent_SlaBreachHandled");
    }

    @Test
    void firstResponseMetJustInTimeAndMissedByOneMinute() {
        String inTime = intakeAndRoute(Category.CUSTOM_REQUEST, Priority.P2); // respond within 8 h: by 17:00
        String late = intakeAndRoute(Category.CUSTOM_REQUEST, Priority.P2);
        scenario.claim(inTime, TASK_HANDLE_TIER1, "alice");
        scenario.claim(late, TASK_HANDLE_TIER1, "ben");
        Instant due = clock(inTime, ClockKind.RESPONSE).getDueAt();
        Assertions.assertThat(due).isEqualTo(MONDAY_9AM.plus(Duration.ofHours(8)));

        setClock(due.minusSeconds(60));
        scenario.executeDueJobs(); // the response warnings (1 h before) go out; assignment timers find claimed tasks
        Assertions.assertThat(sentTo(inTime, NotificationTemplate.SLA_WARNING)).singleElement()
                .satisfies(n -> Assertions.assertThat(n.getSubject()).contains("first response"));
        // and the agent who claimed the ticket, in the application
        Assertions.assertThat(toUser(inTime, NotificationTemplate.SLA_WARNING, "alice")).singleElement()
                .satisfies(n -> Assertions.assertThat(n.getChannel()).isEqualTo(NotificationChannel.IN_APP));
        conversations.agentReply(inTime, new Message("We are on it and will call you at 10:00 tomorrow.", "alice"));
        Assertions.assertThat(clock(inTime, ClockKind.RESPONSE).getOutcome()).isEqualTo(SlaClock.Outcome.MET);

        setClock(due);
        scenario.executeDueJobs();
        for (ClockKind stopped : List.of(ClockKind.RESPONSE, ClockKind.ASSIGNMENT)) {
            Assertions.assertThat(clockPassed(inTime, stopped)).as(stopped.name())
                    .contains(SlaClockProcess.END_SLA_CLOCK_STOPPED).doesNotContain(SlaClockProcess.TASK_NOTIFY_SLA_BREACH);
        }
        Assertions.assertThat(clockPassed(inTime, ClockKind.ASSIGNMENT)).doesNotContain(SlaClockProcess.TASK_NOTIFY_SLA_WARNING);
        Assertions.assertThat(sentTo(inTime, NotificationTemplate.SLA_BREACH)).isEmpty();
        Assertions.assertThat(clockPassed(late, ClockKind.RESPONSE)).contains(SlaClockProcess.TASK_NOTIFY_SLA_BREACH);
        Assertions.assertThat(sentTo(late, NotificationTemplate.SLA_BREACH)).hasSize(1);

        setClock(due.plusSeconds(60));
        conversations.agentReply(late, new Message("Sorry for the wait: we are on it.", "ben"));
        SlaClock missed = clock(late, ClockKind.RESPONSE);
        Assertions.assertThat(missed.getOutcome()).isEqualTo(SlaClock.Outcome.BREACHED);
        Assertions.assertThat(missed.getOverrunSeconds()).isEqualTo(60);
        Assertions.assertThat(ticket(late).getFirstRespondedAt()).isEqualTo(due.plusSeconds(60));
        scenario.handleBreach(late, Map.of(TicketLifecycle.VAR_BREACH_ACTION, "COMMENT",
                TicketLifecycle.VAR_BREACH_COMMENT, "Queue overloaded on Monday"));
        Assertions.assertThat(clockPassed(late, ClockKind.RESPONSE)).contains("EndEvent_SlaBreachHandled");
    }

    @Test
    void tier2FeedbackWarnsAndBreachesAndASupervisorRaisesThePriority() {
        String number = intakeAndRoute(Category.TECHNICAL_FAULT, Priority.P1);
        ProcessInstance instance = scenario.lifecycle(number);
        scenario.escalateFromTier1(number, "Needs log analysis");
        // 24 working hours from Monday 09:00: Mon 9 h + Tue 9 h + Wed 6 h = Wednesday 15:00, warned at 11:00
        Instant due = Instant.parse("2026-11-25T07:00:00Z");
        Assertions.assertThat(clock(number, ClockKind.TIER2_FEEDBACK).getDueAt()).isEqualTo(due);
        Assertions.assertThat(scenario.openTask(number, TASK_HANDLE_TIER2).getDueDate()).isEqualTo(Date.from(due));

        setClock(due.minus(Duration.ofHours(4)));
        scenario.executeDueJobs();
        Assertions.assertThat(clockPassed(number, ClockKind.TIER2_FEEDBACK)).contains(SlaClockProcess.TASK_NOTIFY_SLA_WARNING);
        setClock(due);
        scenario.executeDueJobs();
        Assertions.assertThat(clockPassed(number, ClockKind.TIER2_FEEDBACK)).contains(SlaClockProcess.TASK_NOTIFY_SLA_BREACH);
        assertThat(instance).isWaitingAt(TASK_HANDLE_TIER2);
        Assertions.assertThat(scenario.openBreachTasks(number)).isOne();
        Assertions.assertThat(sentTo(number, NotificationTemplate.SLA_BREACH))
                .anySatisfy(n -> Assertions.assertThat(n.getSubject()).contains("tier-2 feedback"));

        scenario.handleBreach(number, Map.of(TicketLifecycle.VAR_BREACH_ACTION, "CHANGE_PRIORITY",
                TicketLifecycle.VAR_NEW_PRIORITY, "P0", TicketLifecycle.VAR_BREACH_COMMENT, "Production is down now"));
        Assertions.assertThat(ticket(number).getPriority()).isEqualTo(Priority.P0);
        Assertions.assertThat(scenario.openTask(number, TASK_HANDLE_TIER2).getPriority()).isEqualTo(90);
    }

    @Test
    void resolutionWarnsBreachesEscalatesToManagersAndAReopenedTicketIsNotBreachedTwice() {
        String number = intakeAndRoute(Category.INQUIRY, Priority.P2); // resolve within 2 h: by 11:00
        ProcessInstance instance = scenario.lifecycle(number);
        scenario.claim(number, TASK_HANDLE_TIER1, "alice");
        conversations.agentReply(number, new Message("Looking into it.", "alice"));

        setClock(MONDAY_9AM.plus(Duration.ofMinutes(90)));
        scenario.executeDueJobs();
        Assertions.assertThat(clockPassed(number, ClockKind.RESOLUTION)).contains(SlaClockProcess.TASK_NOTIFY_SLA_WARNING);
        setClock(MONDAY_9AM.plus(Duration.ofHours(2)));
        scenario.executeDueJobs();
        Assertions.assertThat(clockPassed(number, ClockKind.RESOLUTION)).contains(SlaClockProcess.TASK_NOTIFY_SLA_BREACH,
                SlaClockProcess.TASK_HANDLE_SLA_BREACH);
        scenario.handleBreach(number, Map.of(TicketLifecycle.VAR_BREACH_ACTION, "COMMENT",
                TicketLifecycle.VAR_BREACH_COMMENT, "Waiting for the billing team"));

        // 24 working hours after the breach: Mon 7 h + Tue 9 h + Wed 8 h = Wednesday 17:00
        Instant escalation = Instant.parse("2026-11-25T09:00:00Z");
        Assertions.assertThat(clock(number, ClockKind.RESOLUTION).getEscalationAt()).isEqualTo(escalation);
        setClock(escalation);
        scenario.executeDueJobs();
        Assertions.assertThat(clockPassed(number, ClockKind.RESOLUTION)).contains(SlaClockProcess.TASK_ESCALATE_TO_MANAGERS);
        Assertions.assertThat(sentTo(number, NotificationTemplate.SLA_ESCALATION)).singleElement()
                .satisfies(n -> Assertions.assertThat(n.getRecipient()).isEqualTo("managers"));

        scenario.resolveAtTier1(number, "Invoice corrected");
        confirmations.answer(number, new Confirmation(false, "Still wrong"));
        scenario.executeDueJobs(); // the reopened resolution clock runs again and passes its overdue timers
        Assertions.assertThat(clockPassed(number, ClockKind.RESOLUTION)).contains(SlaClockProcess.END_SLA_BREACH_KNOWN);
        assertThat(instance).isWaitingAt(TASK_HANDLE_TIER1);
        Assertions.assertThat(sentTo(number, NotificationTemplate.SLA_BREACH)).hasSize(1);
        Assertions.assertThat(sentTo(number, NotificationTemplate.SLA_ESCALATION)).hasSize(1);
        Assertions.assertThat(scenario.openBreachTasks(number)).isZero();
        SlaClock resolution = clock(number, ClockKind.RESOLUTION);
        Assertions.assertThat(resolution.getBreachedAt()).isEqualTo(MONDAY_9AM.plus(Duration.ofHours(2)));
        Assertions.assertThat(resolution.getStoppedAt()).isNull();
    }

    @Test
    void askingTheCustomerPausesTheResolutionClockAndTheReplyMovesItsDueDate() {
        String number = intakeAndRoute(Category.INQUIRY, Priority.P2); // resolve by 11:00, warn at 10:30
        ProcessInstance instance = scenario.lifecycle(number);
        advance(Duration.ofMinutes(30));
        scenario.askCustomer(number, TASK_HANDLE_TIER1, "alice", "Which invoice number do you mean?");
        assertThat(instance).isWaitingAt(TicketLifecycle.TASK_AWAIT_CUSTOMER_REPLY);
        Assertions.assertThat(ticket(number).getStatus()).isEqualTo(TicketStatus.AWAITING_CUSTOMER);
        Assertions.assertThat(sentTo(number, NotificationTemplate.INFORMATION_REQUESTED)).singleElement()
                .satisfies(n -> Assertions.assertThat(n.getBody()).contains("Which invoice number"));
        Assertions.assertThat(clock(number, ClockKind.RESPONSE).getOutcome()).isEqualTo(SlaClock.Outcome.MET);

        advance(Duration.ofMinutes(90)); // 11:00: the old due date passes while paused
        scenario.executeDueJobs(); // only the stopped first-response clock's timers fire, and end quietly
        Assertions.assertThat(sentTo(number, NotificationTemplate.SLA_BREACH)).isEmpty();

        conversations.customerReply(number, new Message("INV-2026-0042", null));
        Instant movedDue = MONDAY_9AM.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(90));
        SlaClock resolution = clock(number, ClockKind.RESOLUTION);
        Assertions.assertThat(resolution.getPausedSeconds()).isEqualTo(90 * 60);
        Assertions.assertThat(resolution.getDueAt()).isEqualTo(movedDue);
        Assertions.assertThat(serviceLevels.dueDates(ticket(number).getId()).resolution()).isEqualTo(movedDue);
        Assertions.assertThat(scenario.clockTimerDue(number, ClockKind.RESOLUTION, SlaClockProcess.BOUNDARY_SLA_BREACHED))
                .isEqualTo(Date.from(movedDue));
        assertThat(instance).hasPassed(TicketLifecycle.TASK_AWAIT_CUSTOMER_REPLY).isWaitingAt(TASK_HANDLE_TIER1);

        setClock(movedDue.minusSeconds(1));
        scenario.executeDueJobs();
        Assertions.assertThat(sentTo(number, NotificationTemplate.SLA_BREACH)).isEmpty();
        setClock(movedDue);
        scenario.executeDueJobs();
        Assertions.assertThat(sentTo(number, NotificationTemplate.SLA_BREACH)).hasSize(1);
    }

    @Test
    void tier2AndTier3AskTheCustomerToo() {
        String number = intakeAndRoute(Category.TECHNICAL_FAULT, Priority.P2);
        ProcessInstance instance = scenario.lifecycle(number);
        scenario.escalateFromTier1(number, "Needs logs");
        scenario.askCustomer(number, TASK_HANDLE_TIER2, "carol", "Please send the device log.");
        conversations.customerReply(number, new Message("Attached as requested.", null));
        assertThat(instance).isWaitingAt(TASK_HANDLE_TIER2);
        scenario.escalateFromTier2(number, "Defect in firmware 2.4");
        scenario.askCustomer(number, TASK_HANDLE_TIER3, "dave", "Which firmware build is installed?");
        conversations.customerReply(number, new Message("2.4.7", null));
        assertThat(instance).hasPassed("Gateway_Tier2Resolved", "Gateway_JoinNeedInfo")
                .isWaitingAt(TASK_HANDLE_TIER3);
        scenario.resolveAtTier3(number, "Update to 2.4.8", "2.4.8 released today");
        assertThat(instance).isWaitingAt(TASK_REVIEW_RESOLUTION);
    }

    @Test
    void aCustomerWhoNeverRepliesGetsTheTicketClosedWithANotice() {
        String number = intakeAndRoute(Category.CUSTOM_REQUEST, Priority.P2);
        ProcessInstance instance = scenario.lifecycle(number);
        scenario.escalateFromTier1(number, "Needs an engineer");
        scenario.askCustomer(number, TASK_HANDLE_TIER2, "carol", "When can we visit?");

        advance(Duration.ofDays(7));
        scenario.executeDueJobs();
        assertThat(instance).hasPassed(TicketLifecycle.BOUNDARY_CUSTOMER_REPLY_OVERDUE, "Task_NotifyNoReplyClosure")
                .hasNotPassed("Task_UpdateKnowledgeBase").isEnded();
        Ticket closed = ticket(number);
        Assertions.assertThat(closed.getStatus()).isEqualTo(TicketStatus.CLOSED);
        Assertions.assertThat(closed.getCloseReason()).isEqualTo(CloseReason.NO_CUSTOMER_REPLY);
        Assertions.assertThat(sentTo(number, NotificationTemplate.CLOSED_NO_REPLY)).hasSize(1);
    }

    @Test
    void satisfiedSurveyEndsWithoutFollowUp() {
        String number = closedTicket();
        ProcessInstance survey = scenario.survey(number);
        Assertions.assertThat(surveys.findByTicketId(ticket(number).getId())).isEmpty();

        advance(Duration.ofMinutes(59));
        scenario.executeDueJobs();
        assertThat(survey).isWaitingAt(SatisfactionSurvey.TIMER_SURVEY_DELAY);
        advance(Duration.ofMinutes(1));
        scenario.executeDueJobs();
        assertThat(survey).isWaitingAt("Gateway_AwaitSurveyAnswer");
        String token = surveyToken(number);
        Assertions.assertThat(sent(number, NotificationTemplate.SURVEY_INVITATION)).singleElement()
                .satisfies(n -> Assertions.assertThat(n.getLink()).endsWith("/customer/surveys/" + token));

        surveyAnswers.answer(token, new SurveyAnswer(5, 4, 5, 3, 4, "Quick and friendly"));
        assertThat(survey).hasPassed("EndEvent_CustomerSatisfied").isEnded();
        Assertions.assertThat(followUps.findByTicketId(ticket(number).getId())).isEmpty();
        Assertions.assertThatThrownBy(() -> surveyAnswers.answer(token, new SurveyAnswer(1, 1, 1, 1, 1, null)))
                .isInstanceOf(ErrorResponseException.class).hasMessageContaining("409");
    }

    @Test
    void dissatisfiedSurveyIsFollowedUp() {
        String number = closedTicket();
        ProcessInstance survey = scenario.survey(number);
        advance(Duration.ofHours(1));
        scenario.executeDueJobs();

        surveyAnswers.answer(surveyToken(number), new SurveyAnswer(2, 4, 4, 4, 3, "Took too long"));
        assertThat(survey).isWaitingAt(SatisfactionSurvey.TASK_FOLLOW_UP_DISSATISFIED);
        assertThat(survey).task().hasCandidateGroup("supervisors");

        scenario.followUp(number, "RESOLVED");
        assertThat(survey).hasPassed("EndEvent_FollowedUp").isEnded();
        Assertions.assertThat(followUps.findByTicketId(ticket(number).getId())).singleElement()
                .satisfies(followUp -> {
                    Assertions.assertThat(followUp.getScore()).isEqualTo(2);
                    Assertions.assertThat(followUp.getOwner()).isEqualTo("sam");
                    Assertions.assertThat(followUp.getOutcome()).isEqualTo("RESOLVED");
                    Assertions.assertThat(followUp.getFeedback()).isEqualTo("Took too long");
                });
    }

    @Test
    void unansweredSurveyEndsQuietlyAfterSevenDays() {
        String number = closedTicket();
        ProcessInstance survey = scenario.survey(number);
        advance(Duration.ofHours(1));
        scenario.executeDueJobs();
        String token = surveyToken(number);

        advance(Duration.ofDays(7));
        scenario.executeDueJobs();
        assertThat(survey).hasPassed("EndEvent_SurveyUnanswered").isEnded();
        Assertions.assertThat(surveys.findByToken(token)).get()
                .satisfies(s -> Assertions.assertThat(s.getStatus()).isEqualTo(SurveyStatus.EXPIRED));
        Assertions.assertThat(sent(number, NotificationTemplate.SURVEY_INVITATION)).hasSize(1);
        Assertions.assertThatThrownBy(() -> surveyAnswers.answer(token, new SurveyAnswer(5, 5, 5, 5, 5, null)))
                .isInstanceOf(ErrorResponseException.class).hasMessageContaining("410");
    }

    @Test
    void theEngineHoldsNoNameNoPhoneNoEmail() {
        String number = closedTicket();
        Ticket ticket = ticket(number);
        List<String> personal = List.of(ticket.getContactName(), ticket.getContactPhone(), ticket.getContactEmail(),
                ticket.getOrderNumber());
        List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery().list();
        Assertions.assertThat(variables).isNotEmpty();
        for (HistoricVariableInstance variable : variables) {
            String value = String.valueOf(variable.getValue());
            Assertions.assertThat(personal).noneMatch(value::contains);
        }
        historyService.createHistoricTaskInstanceQuery().list().forEach(task ->
                Assertions.assertThat(personal).noneMatch(p -> String.valueOf(task.getName()).contains(p)));
        Assertions.assertThat(personal).noneMatch(number::contains);
    }

    private String intake(Category category, Priority priority) {
        return intake.create(newTicket(category, priority)).getNumber();
    }

    private String intakeAndRoute(Category category, Priority priority) {
        return intakeAndRoute(newTicket(category, priority));
    }

    private String intakeAndRoute(NewTicket request) {
        String number = intake.create(request).getNumber();
        scenario.executeDueJobs();
        return number;
    }

    private NewTicket vipTicket(Category category, Priority priority) {
        Customer vip = customers.save(new Customer("Omar Haddad", "+971 4 555 0199", "omar@example.ae",
                CustomerTier.VIP, "Energy", "en", "EMAIL", TicketScenario.now()));
        return new NewTicket(vip.getId(), vip.getName(), vip.getPhone(), vip.getEmail(), Channel.PHONE, category,
                priority, "Plant dashboard down", "No data since 08:55.", null, null);
    }

    private SlaClock clock(String number, ClockKind kind) {
        return clocks.latest(ticket(number).getId(), kind).orElseThrow();
    }

    /** Every activity the ticket's SlaClockProcess instances of this kind passed (all rounds). */
    private List<String> clockPassed(String number, ClockKind kind) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(SlaClockProcess.PROCESS_ID)
                .processInstanceBusinessKey(number).variableValueEquals(SlaClockProcess.VAR_SLA_CLOCK, kind.name())
                .list().stream()
                .flatMap(clock -> historyService.createHistoricActivityInstanceQuery().processInstanceId(clock.getId())
                        .list().stream())
                .map(activity -> activity.getActivityId()).toList();
    }

    private List<Notification> sentTo(String number, NotificationTemplate template) {
        return sent(number, template);
    }

    private String closedTicket() {
        String number = intakeAndRoute(Category.INQUIRY, Priority.P2);
        scenario.resolveAtTier1(number, "Use the export button");
        confirmations.answer(number, new Confirmation(true, null));
        return number;
    }

    private String surveyToken(String number) {
        return surveys.findByTicketId(ticket(number).getId()).orElseThrow().getToken();
    }

    private Ticket ticket(String number) {
        return tickets.findByNumber(number).orElseThrow();
    }

    /** Sent to the customer or a group; the assignee's own copy of a warning is counted by {@link #toUser}. */
    private List<Notification> sent(String number, NotificationTemplate template) {
        return notifications.findByTicketIdOrderByIdAsc(ticket(number).getId()).stream()
                .filter(n -> n.getTemplate() == template && n.getRecipientKind() != RecipientKind.USER)
                .toList();
    }

    private List<Notification> toUser(String number, NotificationTemplate template, String userId) {
        return notifications.findByTicketIdOrderByIdAsc(ticket(number).getId()).stream()
                .filter(n -> n.getTemplate() == template && n.getRecipientKind() == RecipientKind.USER
                        && n.getRecipient().equals(userId))
                .toList();
    }
}
