package org.servicedesk.system;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerStartEventJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
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
 * Why: the engine evaluates a timer start event's cycle ({@code ${deskTimers.weeklyReportCycle}})
 * once, when the process is deployed, and keeps the result in the timer job: each firing
 * schedules the next one from that stored cycle. The deployer deploys only changed files, so a
 * cycle changed in the configuration alone would never reach the job. Here the job gets the
 * configured cycle, and a due date that is still ahead is moved to the cycle's next time after
 * now (a due date already passed stays: the missed run happens first, the next one follows the
 * new cycle). A schedule that is not enabled has its timer suspended; enabling it again resumes it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class StartTimerScheduler implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartTimerScheduler.class);

    private final ManagementService managementService;

    private final RepositoryService repositoryService;

    private final ProcessEngineConfigurationImpl configuration;

    private final List<StartSchedule> schedules;

    StartTimerScheduler(ProcessEngine processEngine, List<StartSchedule> schedules) {
        this.managementService = processEngine.getManagementService();
        this.repositoryService = processEngine.getRepositoryService();
        this.configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
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
                .jobType(TimerStartEventJobHandler.TYPE)
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
                align(job.getId(), schedule);
            }
        }
    }

    /** A definition an operator suspended (Cockpit) keeps its timer suspended. */
    private boolean processDefinitionSuspended(JobDefinition definition) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionId(definition.getProcessDefinitionId())
                .suspended().count() > 0;
    }

    private void align(String jobId, StartSchedule schedule) {
        configuration.getCommandExecutorTxRequired().execute(context -> {
            TimerEntity timer = (TimerEntity) context.getJobManager().findJobById(jobId);
            if (timer == null) {
                return null;
            }
            String cycle = schedule.cycle();
            if (!cycle.equals(timer.getRepeat())) {
                log.info("{}: start timer cycle {} -> {}", schedule.processDefinitionKey(), timer.getRepeat(), cycle);
                timer.setRepeat(cycle);
            }
            Date now = ClockUtil.getCurrentTime();
            Date due = timer.getDuedate();
            if (due != null && due.after(now)) {
                Date next = configuration.getBusinessCalendarManager().getBusinessCalendar(CycleBusinessCalendar.NAME)
                        .resolveDuedate(cycle, now);
                if (!next.equals(due)) {
                    log.info("{}: next start {} -> {}", schedule.processDefinitionKey(), due.toInstant(),
                            next.toInstant());
                    timer.setDuedate(next);
                }
            }
            return null;
        });
    }
}
