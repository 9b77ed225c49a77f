package org.servicedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.ServiceDeskApplication;
import org.servicedesk.quality.QualityInspection;
import org.servicedesk.reporting.WeeklyServiceReport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The weekly cycles come from the configuration: the application is started twice on the same
 * database, the second time with another cycle and one schedule turned off. Nothing is deployed
 * again, yet the waiting timer follows the new cycle (also after it fires) and the other one is
 * suspended. The JVM runs in UTC here; the cycles are read in Asia/Shanghai.
 */
class StartTimerSchedulerTest {

    /** Wednesday 2026-03-04 10:00 in Shanghai. */
    static final Instant WEDNESDAY = Instant.parse("2026-03-04T02:00:00Z");

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aChangedCycleTakesEffectOnRestartWithoutANewDeployment() {
        String database = "--spring.datasource.url=jdbc:h2:mem:schedules-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        ClockUtil.setCurrentTime(Date.from(WEDNESDAY));
        String deployment;
        try (ConfigurableApplicationContext app = start(database, "--servicedesk.weekly-report.enabled=true",
                "--servicedesk.quality-inspection.enabled=true")) {
            ManagementService management = app.getBean(ManagementService.class);
            Job weekly = startTimer(management, WeeklyServiceReport.PROCESS_ID);
            // Monday 08:00 and 09:00 in Shanghai
            assertThat(weekly.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
            assertThat(((TimerEntity) weekly).getRepeat()).isEqualTo("0 0 8 * * MON");
            assertThat(weekly.isSuspended()).isFalse();
            Job quality = startTimer(management, QualityInspection.PROCESS_ID);
            assertThat(quality.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-03-09T01:00:00Z"));
            assertThat(quality.isSuspended()).isFalse();
            deployment = latestDeployment(app.getBean(RepositoryService.class));
        }

        try (ConfigurableApplicationContext app = start(database, "--servicedesk.weekly-report.enabled=true",
                "--servicedesk.weekly-report.cycle=0 30 7 * * FRI", "--servicedesk.quality-inspection.enabled=false")) {
            RepositoryService repository = app.getBean(RepositoryService.class);
            assertThat(latestDeployment(repository)).as("nothing deployed again").isEqualTo(deployment);
            ManagementService management = app.getBean(ManagementService.class);
            Job weekly = startTimer(management, WeeklyServiceReport.PROCESS_ID);
            // Friday 07:30 in Shanghai, this week
            assertThat(weekly.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-03-05T23:30:00Z"));
            // the waiting timer keeps the cycle it was created with until it fires: only its due date is moved
            // now (public API); the engine evaluates ${deskTimers.weeklyReportCycle} again when it fires
            assertThat(((TimerEntity) weekly).getRepeat()).isEqualTo("0 0 8 * * MON");
            assertThat(startTimer(management, QualityInspection.PROCESS_ID).isSuspended()).isTrue();

            // it fires on Friday and the next one follows the new cycle too
            ClockUtil.setCurrentTime(weekly.getDuedate());
            management.executeJob(weekly.getId());
            Job next = startTimer(management, WeeklyServiceReport.PROCESS_ID);
            assertThat(next.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-03-12T23:30:00Z"));
            assertThat(((TimerEntity) next).getRepeat()).isEqualTo("0 30 7 * * FRI");
            assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery()
                    .processDefinitionKey(WeeklyServiceReport.PROCESS_ID).count()).isOne();
            assertThat(app.getBean(HistoryService.class).createHistoricVariableInstanceQuery()
                    .variableName(WeeklyServiceReport.VAR_WEEK).singleResult().getValue()).isEqualTo("2026-W09");

            // turned on again, the suspended timer goes on
            StartTimerScheduler scheduler = app.getBean(StartTimerScheduler.class);
            scheduler.apply(new Schedule(QualityInspection.PROCESS_ID, QualityInspection.START_EVERY_MONDAY,
                    "0 0 9 * * MON", true));
            Job quality = startTimer(management, QualityInspection.PROCESS_ID);
            assertThat(quality.isSuspended()).isFalse();
            assertThat(quality.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-03-09T01:00:00Z"));
        }
    }

    record Schedule(String processDefinitionKey, String startEventId, String cycle, boolean enabled)
            implements StartSchedule {
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(ServiceDeskApplication.class).profiles("test")
                .properties("server.port=0").run(args);
    }

    private static Job startTimer(ManagementService management, String processDefinitionKey) {
        return management.createJobQuery().processDefinitionKey(processDefinitionKey).timers().singleResult();
    }

    private static String latestDeployment(RepositoryService repository) {
        return repository.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().list().get(0).getId();
    }
}
