package org.servicedesk;

import static org.servicedesk.TicketScenario.setClock;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.servicedesk.system.StartTimerScheduler;

/** The start timer of a scheduled process (weekly report, quality inspection), driven by the clock. */
public record TimerStart(RuntimeService runtimeService, ManagementService managementService,
        StartTimerScheduler scheduler, String processId, String startEventId) {

    /**
     * Sets the clock to {@code now} and lets the scheduler place the start timer, as on a start-up
     * at that time (a due date already passed would otherwise stay).
     */
    public Job arm(Instant now) {
        setClock(now);
        managementService.setJobDuedate(timer().getId(), Date.from(now.plus(Duration.ofDays(365))));
        scheduler.apply();
        return timer();
    }

    /** Runs the start timer and returns the instance it started. */
    public ProcessInstance fire(Job timer) {
        List<String> before = runtimeService.createProcessInstanceQuery().processDefinitionKey(processId).list()
                .stream().map(ProcessInstance::getId).toList();
        managementService.executeJob(timer.getId());
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processId).list().stream()
                .filter(instance -> !before.contains(instance.getId())).findFirst().orElseThrow();
    }

    public Job timer() {
        return managementService.createJobQuery().processDefinitionKey(processId).activityId(startEventId)
                .timers().singleResult();
    }
}
