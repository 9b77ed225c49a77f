package org.servicedesk.system;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.servicedesk.engine.CycleZone;
import org.servicedesk.engine.DeskZoneCycleCalendar;
import org.servicedesk.engine.EngineClock;
import org.servicedesk.engine.EngineJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes the waiting timer of every {@link StartSchedule} follow the configuration, on every
 * start-up after {@link ProcessDeployer}.
 * <p>
 * Why: the engine evaluates a timer start event's cycle
 * ({@code ${deskTimers.cycle('WeeklyServiceReportProcess')}})
 * when the process is deployed and keeps the result in the timer job, and the deployer deploys only
 * changed files. With {@code reevaluate-time-cycle-when-due} (application.yml) the engine evaluates
 * the expression again each time the timer fires, so the firing after that follows a changed cycle.
 * Here, with the engine's public API only, a due date that is still ahead is moved to the configured
 * cycle's next time after now ({@code ManagementService.recalculateJobDuedate}: the engine evaluates
 * the timer's expression with its own calendar, as it will when the timer fires). A due date already
 * passed stays: the missed run happens first, the next one follows the new cycle. A schedule that is
 * not enabled has its timer suspended; enabling it again resumes it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class StartTimerScheduler implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartTimerScheduler.class);

    private final ManagementService managementService;

    private final RepositoryService repositoryService;

    private final CycleZone zone;

    private final List<StartSchedule> schedules;

    StartTimerScheduler(ProcessEngine processEngine, CycleZone zone, List<StartSchedule> schedules) {
        this.managementService = processEngine.getManagementService();
        this.repositoryService = processEngine.getRepositoryService();
        this.zone = zone;
        this.schedules = schedules;
    }

    @Override
    public void run(ApplicationArguments args) {
        apply();
    }

    /**
     * Applies every configured schedule. Nodes of a cluster starting together may do the same at
     * once: the one that loses the race leaves the timer to the other's identical result.
     */
    public void apply() {
        for (StartSchedule schedule : schedules) {
            try {
                apply(schedule);
            } catch (OptimisticLockingException e) {
                log.info("{}: start timer updated concurrently (another node starting?): {}",
                        schedule.processDefinitionKey(), e.getMessage());
            }
        }
    }

    public void apply(StartSchedule schedule) {
        List<JobDefinition> definitions = managementService.createJobDefinitionQuery()
                .processDefinitionKey(schedule.processDefinitionKey())
                .activityIdIn(schedule.startEventId())
                .jobType(EngineJobs.TIMER_START_EVENT)
                .list();
        for (JobDefinition definition : definitions) {
            if (!schedule.enabled()) {
                if (!definition.isSuspended()) {
                    managementService.suspendJobDefinitionById(definition.getId(), true);
                    log.info("{}: schedule disabled, start timer suspended", schedule.processDefinitionKey());
                }
                continue;
            }
            if (definition.isSuspended() && !processDefinitionSuspended(definition)) {
                managementService.activateJobDefinitionById(definition.getId(), true);
                log.info("{}: schedule enabled, start timer resumed", schedule.processDefinitionKey());
            }
            for (Job job : managementService.createJobQuery().jobDefinitionId(definition.getId()).list()) {
                align(job, schedule);
            }
        }
    }

    /** A definition an operator suspended (Cockpit) keeps its timer suspended. */
    private boolean processDefinitionSuspended(JobDefinition definition) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionId(definition.getProcessDefinitionId())
                .suspended().count() > 0;
    }

    /** Moves a due date still ahead to the cycle's next time after now; asks the engine only when it differs. */
    private void align(Job job, StartSchedule schedule) {
        Date now = EngineClock.currentTime();
        Date due = job.getDuedate();
        if (due == null || !due.after(now)) {
            return;
        }
        Date next = Date.from(DeskZoneCycleCalendar.nextFire(schedule.cycle(), zone.zone(), now.toInstant()));
        if (next.equals(due)) {
            return;
        }
        managementService.recalculateJobDuedate(job.getId(), false);
        Job moved = managementService.createJobQuery().jobId(job.getId()).singleResult();
        log.info("{}: next start {} -> {}", schedule.processDefinitionKey(), due.toInstant(),
                moved == null ? null : moved.getDuedate().toInstant());
    }
}
