package org.servicedesk;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.servicedesk.survey.SatisfactionSurvey;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Channel;
import org.servicedesk.ticket.NewTicket;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketLifecycle;

/**
 * Drives tickets the way the running system does, but with the clock in the test's hand:
 * move the engine clock, then execute the jobs that are due, as the job executor would.
 */
public final class TicketScenario {

    private final RuntimeService runtimeService;

    private final TaskService taskService;

    private final ManagementService managementService;

    public TicketScenario(RuntimeService runtimeService, TaskService taskService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
    }

    public static NewTicket newTicket(Category category, Priority priority) {
        return new NewTicket(null, "张三", "13812345678", "zhang.san@example.cn", Channel.WEB, category, priority,
                "Printer does not print", "Model P100, bought 2026-01-05: paper jams on every page.", "P100", "SO-99812");
    }

    public static void setClock(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static void advance(Duration duration) {
        setClock(now().plus(duration));
    }

    /** Executes every job that is due now (async continuations and timers), until none is left. */
    public int executeDueJobs() {
        int executed = 0;
        for (int round = 0; round < 50; round++) {
            List<Job> due = managementService.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return executed;
            }
            for (Job job : due) {
                managementService.executeJob(job.getId());
                executed++;
            }
        }
        throw new IllegalStateException("jobs keep coming");
    }

    public ProcessInstance lifecycle(String ticketNumber) {
        return runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(TicketLifecycle.PROCESS_ID)
                .processInstanceBusinessKey(ticketNumber)
                .singleResult();
    }

    public ProcessInstance survey(String ticketNumber) {
        return runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(SatisfactionSurvey.PROCESS_ID)
                .processInstanceBusinessKey(ticketNumber)
                .singleResult();
    }

    public Task openTask(String ticketNumber, String taskDefinitionKey) {
        return taskService.createTaskQuery()
                .processInstanceBusinessKey(ticketNumber)
                .taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }

    /** Claims the open task of this kind for {@code userId} and completes it with the form's values. */
    public void work(String ticketNumber, String taskDefinitionKey, String userId, Map<String, Object> formValues) {
        Task task = openTask(ticketNumber, taskDefinitionKey);
        if (task == null) {
            throw new IllegalStateException(ticketNumber + " has no open " + taskDefinitionKey);
        }
        taskService.claim(task.getId(), userId);
        taskService.complete(task.getId(), formValues);
    }

    public void resolveAtTier1(String number, String resolution) {
        work(number, TicketLifecycle.TASK_HANDLE_TIER1, "alice",
                Map.of(TicketLifecycle.VAR_TIER1_OUTCOME, "RESOLVED", TicketLifecycle.VAR_RESOLUTION, resolution));
    }

    public void escalateFromTier1(String number, String reason) {
        work(number, TicketLifecycle.TASK_HANDLE_TIER1, "alice",
                Map.of(TicketLifecycle.VAR_TIER1_OUTCOME, "ESCALATE", TicketLifecycle.VAR_ESCALATION_REASON, reason));
    }

    public void resolveAtTier2(String number, String resolution) {
        work(number, TicketLifecycle.TASK_HANDLE_TIER2, "carol",
                Map.of(TicketLifecycle.VAR_TIER2_OUTCOME, "RESOLVED", TicketLifecycle.VAR_RESOLUTION, resolution));
    }

    public void escalateFromTier2(String number, String reason) {
        work(number, TicketLifecycle.TASK_HANDLE_TIER2, "carol",
                Map.of(TicketLifecycle.VAR_TIER2_OUTCOME, "ESCALATE", TicketLifecycle.VAR_ESCALATION_REASON, reason));
    }

    public void resolveAtTier3(String number, String resolution, String fixPlan) {
        work(number, TicketLifecycle.TASK_HANDLE_TIER3, "dave",
                Map.of(TicketLifecycle.VAR_RESOLUTION, resolution, TicketLifecycle.VAR_FIX_PLAN, fixPlan));
    }

    public void review(String number, boolean approved, String comment) {
        work(number, TicketLifecycle.TASK_REVIEW_RESOLUTION, "sam",
                Map.of(TicketLifecycle.VAR_REVIEW_APPROVED, approved, TicketLifecycle.VAR_REVIEW_COMMENT, comment));
    }

    public void followUp(String number, String result) {
        work(number, SatisfactionSurvey.TASK_FOLLOW_UP_DISSATISFIED, "sam",
                Map.of(SatisfactionSurvey.VAR_FOLLOW_UP_CAUSE, "Engineer arrived a day late",
                        SatisfactionSurvey.VAR_FOLLOW_UP_ACTIONS, "Called the customer, apologised, voucher sent",
                        SatisfactionSurvey.VAR_FOLLOW_UP_RESULT, result));
    }
}
