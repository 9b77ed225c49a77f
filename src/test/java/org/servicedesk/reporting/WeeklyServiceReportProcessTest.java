package org.servicedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.servicedesk.TicketScenario.setClock;
import static org.servicedesk.reporting.WeeklyServiceReport.END_NO_MANAGER_TO_EMAIL;
import static org.servicedesk.reporting.WeeklyServiceReport.END_REPORT_SENT;
import static org.servicedesk.reporting.WeeklyServiceReport.PROCESS_ID;
import static org.servicedesk.reporting.WeeklyServiceReport.START_EVERY_MONDAY;
import static org.servicedesk.reporting.WeeklyServiceReport.TASK_EMAIL_WEEKLY_REPORT;
import static org.servicedesk.reporting.WeeklyServiceReport.VAR_MANAGERS_EMAILED;
import static org.servicedesk.reporting.WeeklyServiceReport.VAR_WEEK;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.CoveredProcessTest;
import org.servicedesk.TicketScenario;
import org.servicedesk.TimerStart;
import org.servicedesk.notification.Notification;
import org.servicedesk.notification.NotificationChannel;
import org.servicedesk.notification.NotificationRepository;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.notification.RecipientKind;
import org.servicedesk.system.StartTimerScheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every path through {@code WeeklyServiceReportProcess}, driven by the clock: the Monday 08:00
 * timer in the desk's zone (the JVM here runs in another), the e-mail to each manager exactly
 * once (outbox rows) also when the job fails and is retried or the week runs again, and the
 * run that finds no manager to e-mail.
 */
@CoveredProcessTest
@TestPropertySource(properties = "servicedesk.weekly-report.enabled=true")
class WeeklyServiceReportProcessTest {

    /** Sunday 2026-03-01 20:00 in Shanghai. */
    static final Instant SUNDAY_EVENING = Instant.parse("2026-03-01T12:00:00Z");

    /** Monday 2026-03-02 08:00 in Shanghai: midnight UTC. */
    static final Instant MONDAY_8AM = Instant.parse("2026-03-02T00:00:00Z");

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired NotificationRepository notifications;
    @Autowired StartTimerScheduler scheduler;

    TicketScenario scenario;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        scenario = new TicketScenario(runtimeService, taskService, managementService);
        group("managers");
        group("tier1");
        user("mia", "mia@servicedesk.example", "managers");
        user("max", "max@servicedesk.example", "managers");
        user("noah", null, "managers");
        user("alice", "alice@servicedesk.example", "tier1");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void onMondayAt8InTheDesksZoneLastWeeksReportIsEmailedToEachManager() {
        Job timer = timerStart().arm(SUNDAY_EVENING);
        // 08:00 in Shanghai, not 08:00 of the JVM's zone (UTC here)
        assertThat(timer.getDuedate().toInstant()).isEqualTo(MONDAY_8AM);
        assertThat(((TimerEntity) timer).getRepeat()).isEqualTo("0 0 8 * * MON");
        assertThat(scenario.executeDueJobs()).isZero();

        setClock(MONDAY_8AM);
        ProcessInstance instance = timerStart().fire(timer);
        assertThat(instance).isWaitingAt(TASK_EMAIL_WEEKLY_REPORT).variables().containsEntry(VAR_WEEK, "2026-W09");
        assertThat(timerStart().timer().getDuedate().toInstant()).as("next Monday").isEqualTo(MONDAY_8AM.plus(Duration.ofDays(7)));

        scenario.executeDueJobs();

        assertThat(instance).hasPassed(TASK_EMAIL_WEEKLY_REPORT, END_REPORT_SENT).isEnded();
        List<Notification> emails = reportEmails("2026-W09");
        assertThat(emails).extracting(Notification::getRecipient)
                .containsExactlyInAnyOrder("mia@servicedesk.example", "max@servicedesk.example");
        assertThat(emails).allSatisfy(email -> {
            assertThat(email.getChannel()).isEqualTo(NotificationChannel.EMAIL);
            assertThat(email.getRecipientKind()).isEqualTo(RecipientKind.USER);
            assertThat(email.getTicketId()).isNull();
            assertThat(email.getSubject()).isEqualTo("Service desk weekly report 2026-W09");
            assertThat(email.getBody()).contains("Monday 2026-02-23 to Sunday 2026-03-01 (Asia/Shanghai)",
                    "- Tickets closed: ", "- Average resolution time: ", "- Inspection pass rate ALL_CRITERIA: ",
                    "Full report: http://localhost:8080/api/reports/weekly?week=2026-W09");
            assertThat(email.getBody().length()).isLessThanOrEqualTo(4000);
        });
        assertThat(emails).extracting(Notification::getDedupeKey).containsExactlyInAnyOrder(
                "report:2026-W09:WEEKLY_REPORT:EMAIL:mia", "report:2026-W09:WEEKLY_REPORT:EMAIL:max");
        // the process holds the week and a count, nothing else
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
                .extracting(HistoricVariableInstance::getName)
                .containsExactlyInAnyOrder(VAR_WEEK, VAR_MANAGERS_EMAILED);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(VAR_MANAGERS_EMAILED).singleResult().getValue()).isEqualTo(2);
    }

    @Test
    void aFailedRunIsRetriedAndARepeatedWeekEmailsNobodyTwice() {
        Job timer = timerStart().arm(SUNDAY_EVENING.plus(Duration.ofDays(7)));
        // an address too long for the outbox makes the run fail after mia's e-mail was queued
        user("zoe", "z".repeat(230) + "@servicedesk.example", "managers");
        try {
            setClock(MONDAY_8AM.plus(Duration.ofDays(7)));
            ProcessInstance instance = timerStart().fire(timer);
            assertThat(instance).variables().containsEntry(VAR_WEEK, "2026-W10");
            Job email = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
            try {
                managementService.executeJob(email.getId());
            } catch (RuntimeException expected) {
                // the job failed; the engine keeps it with fewer retries
            }
            Job failed = managementService.createJobQuery().jobId(email.getId()).singleResult();
            assertThat(failed.getRetries()).isEqualTo(4);
            assertThat(failed.getDuedate().toInstant()).as("R5/PT10M")
                    .isEqualTo(MONDAY_8AM.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(10)));
            assertThat(reportEmails("2026-W10")).as("rolled back with the failed run").isEmpty();

            user("zoe", "zoe@servicedesk.example", "managers");
            TicketScenario.advance(Duration.ofMinutes(10));
            scenario.executeDueJobs();
            assertThat(instance).hasPassed(END_REPORT_SENT).isEnded();
            assertThat(reportEmails("2026-W10")).extracting(Notification::getRecipient).containsExactlyInAnyOrder(
                    "mia@servicedesk.example", "max@servicedesk.example", "zoe@servicedesk.example");

            // the same week once more (a second start, e.g. by hand): nobody gets it twice
            ProcessInstance again = runtimeService.createProcessInstanceByKey(PROCESS_ID)
                    .setVariable(VAR_WEEK, "2026-W10").execute();
            scenario.executeDueJobs();
            assertThat(again).hasPassed(END_REPORT_SENT).isEnded().variables().containsEntry(VAR_MANAGERS_EMAILED, 3);
            assertThat(reportEmails("2026-W10")).hasSize(3);
        } finally {
            identityService.deleteUser("zoe");
        }
    }

    @Test
    void withoutAManagerWithAnEmailAddressNobodyIsEmailed() {
        identityService.deleteMembership("mia", "managers");
        identityService.deleteMembership("max", "managers");
        try {
            Job timer = timerStart().arm(SUNDAY_EVENING.plus(Duration.ofDays(14)));
            setClock(MONDAY_8AM.plus(Duration.ofDays(14)));
            ProcessInstance instance = timerStart().fire(timer);
            scenario.executeDueJobs();

            assertThat(instance).hasPassed(END_NO_MANAGER_TO_EMAIL).hasNotPassed(END_REPORT_SENT).isEnded()
                    .variables().containsEntry(VAR_WEEK, "2026-W11").containsEntry(VAR_MANAGERS_EMAILED, 0);
            assertThat(reportEmails("2026-W11")).isEmpty();
        } finally {
            identityService.createMembership("mia", "managers");
            identityService.createMembership("max", "managers");
        }
    }



    private TimerStart timerStart() {
        return new TimerStart(runtimeService, managementService, scheduler, PROCESS_ID, START_EVERY_MONDAY);
    }

    private List<Notification> reportEmails(String week) {
        return notifications.findAll().stream()
                .filter(n -> n.getTemplate() == NotificationTemplate.WEEKLY_REPORT)
                .filter(n -> n.getDedupeKey().startsWith("report:" + week + ":"))
                .toList();
    }

    private void group(String id) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            identityService.saveGroup(identityService.newGroup(id));
        }
    }

    private void user(String id, String email, String group) {
        User user = identityService.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identityService.newUser(id);
        }
        user.setEmail(email);
        identityService.saveUser(user);
        if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identityService.createMembership(id, group);
        }
    }
}
