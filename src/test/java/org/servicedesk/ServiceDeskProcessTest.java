package org.servicedesk;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.servicedesk.TicketScenario.advance;
import static org.servicedesk.TicketScenario.newTicket;
import static org.servicedesk.TicketScenario.setClock;
import static org.servicedesk.ticket.TicketLifecycle.BOUNDARY_RESOLUTION_SLA_BREACHED;
import static org.servicedesk.ticket.TicketLifecycle.BOUNDARY_RESPONSE_SLA_BREACHED;
import static org.servicedesk.ticket.TicketLifecycle.EVENT_AWAIT_CONFIRMATION;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER1;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER2;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER3;
import static org.servicedesk.ticket.TicketLifecycle.TASK_LOOK_UP_CUSTOMER;
import static org.servicedesk.ticket.TicketLifecycle.TASK_REVIEW_RESOLUTION;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.knowledge.ArticleStatus;
import org.servicedesk.knowledge.KnowledgeArticleRepository;
import org.servicedesk.notification.Notification;
import org.servicedesk.notification.NotificationRepository;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.survey.FollowUpRepository;
import org.servicedesk.survey.SatisfactionSurvey;
import org.servicedesk.survey.SurveyAnswer;
import org.servicedesk.survey.SurveyAnswers;
import org.servicedesk.survey.SurveyRepository;
import org.servicedesk.survey.SurveyStatus;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.CloseReason;
import org.servicedesk.ticket.Confirmation;
import org.servicedesk.ticket.CustomerConfirmations;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketRepository;
import org.servicedesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.ErrorResponseException;

/** One test per path through the ticket lifecycle and the satisfaction survey, driven by the clock. */
@CoveredProcessTest
class ServiceDeskProcessTest {

    /** Monday 2026-11-23 09:00 in Shanghai. */
    static final Instant MONDAY_9AM = Instant.parse("2026-11-23T01:00:00Z");

    @Autowired ProcessEngine processEngine;
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

    TicketScenario scenario;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        scenario = new TicketScenario(runtimeService, taskService, managementService);
        setClock(MONDAY_9AM);
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
        assertThat(instance).task().hasCandidateGroup("tier1");
        Ticket routed = ticket(number);
        Assertions.assertThat(routed.getStatus()).isEqualTo(TicketStatus.UNASSIGNED);
        Assertions.assertThat(routed.getQueue()).isEqualTo("GENERAL");
        Assertions.assertThat(routed.getResponseDueAt()).isEqualTo(MONDAY_9AM.plus(Duration.ofHours(2)));
        Assertions.assertThat(routed.getCustomerTier()).isEqualTo("STANDARD");

        scenario.resolveAtTier1(number, "Clean the paper path as shown in article 12.");
        assertThat(instance).hasPassed("Task_SendSolution").hasNotPassed(TASK_REVIEW_RESOLUTION)
                .isWaitingAt(EVENT_AWAIT_CONFIRMATION);
        Assertions.assertThat(ticket(number).getStatus()).isEqualTo(TicketStatus.PENDING_CONFIRMATION);
        Assertions.assertThat(sent(number, NotificationTemplate.SOLUTION_TO_CONFIRM)).singleElement()
                .satisfies(n -> Assertions.assertThat(n.getLink()).endsWith("/api/tickets/" + number + "/confirmation"));

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

        advance(Duration.ofHours(9)); // past the response due date: the reopened task's timer is due
        scenario.executeDueJobs();
        assertThat(instance).hasPassed(BOUNDARY_RESPONSE_SLA_BREACHED, "EndEvent_ResponseSlaMet")
                .hasNotPassed("Task_NotifyResponseSlaBreach");
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

    @Test
    void responseSlaBreachNotifiesTheSupervisorsOnceAndTheTaskStays() {
        String number = intakeAndRoute(Category.REPAIR, Priority.P0); // urgent repair: respond within 30 min
        ProcessInstance instance = scenario.lifecycle(number);

        advance(Duration.ofMinutes(29));
        scenario.executeDueJobs();
        Assertions.assertThat(sent(number, NotificationTemplate.SLA_BREACH)).isEmpty();

        advance(Duration.ofMinutes(1));
        scenario.executeDueJobs();
        assertThat(instance).hasPassed("Task_NotifyResponseSlaBreach").isWaitingAt(TASK_HANDLE_TIER1);
        Assertions.assertThat(sent(number, NotificationTemplate.SLA_BREACH)).singleElement()
                .satisfies(n -> Assertions.assertThat(n.getRecipient()).isEqualTo("supervisors"));
    }

    @Test
    void resolutionSlaBreachNotifiesTheSupervisorsWhileTheTicketIsHandled() {
        String number = intakeAndRoute(Category.COMPLAINT, Priority.P1); // complaint: resolved within 48 h
        ProcessInstance instance = scenario.lifecycle(number);
        scenario.escalateFromTier1(number, "Billing must check");

        advance(Duration.ofHours(48));
        scenario.executeDueJobs();
        assertThat(instance).hasPassed(BOUNDARY_RESOLUTION_SLA_BREACHED, "Task_NotifyResolutionSlaBreach")
                .isWaitingAt(TASK_HANDLE_TIER2);
        Assertions.assertThat(sent(number, NotificationTemplate.SLA_BREACH)).singleElement()
                .satisfies(n -> Assertions.assertThat(n.getSubject()).contains("resolution"));
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
                .satisfies(n -> Assertions.assertThat(n.getLink()).endsWith("/api/surveys/" + token));

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
        String number = intake(category, priority);
        scenario.executeDueJobs();
        return number;
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

    private List<Notification> sent(String number, NotificationTemplate template) {
        return notifications.findByTicketIdOrderByIdAsc(ticket(number).getId()).stream()
                .filter(n -> n.getTemplate() == template)
                .toList();
    }
}
