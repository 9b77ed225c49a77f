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
import org.servicedesk.sla.ClockKind;
import org.servicedesk.sla.SlaClockProcess;
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

    public static final String CUSTOMER_NAME = "张三";
    public static final String CUSTOMER_PHONE = "13812345678";
    public static final String CUSTOMER_EMAIL = "zhang.san@example.cn";

    public static NewTicket newTicket(Category category, Priority priority) {
        return new NewTicket(null, CUSTOMER_NAME, CUSTOMER_PHONE, CUSTOMER_EMAIL, Channel.WEB, category, priority,
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

    /**
     * Executes every job that is due now (async continuations and timers), one at a time and
     * oldest due first, until none is left: a job may end others (an interrupting timer removes
     * its sibling timers), so the list is asked again after each one.
     */
    public int executeDueJobs() {
        for (int executed = 0; executed < 500; executed++) {
            List<Job> due = managementService.createJobQuery().executable().active().orderByJobDuedate().asc()
                    .listPage(0, 1);
            if (due.isEmpty()) {
                return executed;
            }
            managementService.executeJob(due.get(0).getId());
        }
        throw new IllegalStateException("jobs keep coming");
    }

    /**
     * Runs the acknowledgement of a ticket taken through {@code POST /api/tickets}: a job of its own
     * after the answer, which the job executor would run; it opens the tier-1 task.
     */
    public void acknowledge(String ticketNumber) {
        Job acknowledgement = managementService.createJobQuery()
                .processInstanceId(lifecycle(ticketNumber).getId())
                .activityId(TicketLifecycle.TASK_ACKNOWLEDGE_RECEIPT)
                .singleResult();
        if (acknowledgement == null) {
            throw new IllegalStateException(ticketNumber + " has no acknowledgement waiting");
        }
        managementService.executeJob(acknowledgement.getId());
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

    /** Escalates with a message to the customer, which is their first response. */
    public void escalateFromTier1(String number, String reason) {
        work(number, TicketLifecycle.TASK_HANDLE_TIER1, "alice",
                Map.of(TicketLifecycle.VAR_TIER1_OUTCOME, "ESCALATE", TicketLifecycle.VAR_ESCALATION_REASON, reason,
                        TicketLifecycle.VAR_CUSTOMER_MESSAGE, "Our specialists take over your request."));
    }

    public void claim(String number, String taskDefinitionKey, String userId) {
        taskService.claim(openTask(number, taskDefinitionKey).getId(), userId);
    }

    /** The agent at this task asks the customer a question (outcome NEED_INFO). */
    public void askCustomer(String number, String taskDefinitionKey, String userId, String question) {
        String outcome = switch (taskDefinitionKey) {
            case TicketLifecycle.TASK_HANDLE_TIER1 -> TicketLifecycle.VAR_TIER1_OUTCOME;
            case TicketLifecycle.TASK_HANDLE_TIER2 -> TicketLifecycle.VAR_TIER2_OUTCOME;
            default -> TicketLifecycle.VAR_TIER3_OUTCOME;
        };
        work(number, taskDefinitionKey, userId,
                Map.of(outcome, "NEED_INFO", TicketLifecycle.VAR_CUSTOMER_QUESTION, question));
    }

    public void handleBreach(String number, Map<String, Object> decision) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(SlaClockProcess.TASK_HANDLE_SLA_BREACH).list().get(0);
        taskService.claim(task.getId(), "sam");
        taskService.complete(task.getId(), decision);
    }

    public long openBreachTasks(String number) {
        return taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(SlaClockProcess.TASK_HANDLE_SLA_BREACH).count();
    }

    /** The SlaClockProcess instance in which this clock of the ticket waits now, or null. */
    public ProcessInstance runningClock(String number, ClockKind kind) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(SlaClockProcess.PROCESS_ID)
                .processInstanceBusinessKey(number).variableValueEquals(SlaClockProcess.VAR_SLA_CLOCK, kind.name())
                .activityIdIn(SlaClockProcess.TASK_RUN_SLA_CLOCK).singleResult();
    }

    /** The due date of a timer of the clock's running instance. */
    public java.util.Date clockTimerDue(String number, ClockKind kind, String boundaryEventId) {
        ProcessInstance clock = runningClock(number, kind);
        String definition = managementService.createJobDefinitionQuery().processDefinitionId(clock.getProcessDefinitionId())
                .activityIdIn(boundaryEventId).singleResult().getId();
        return managementService.createJobQuery().processInstanceId(clock.getId()).jobDefinitionId(definition)
                .singleResult().getDuedate();
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
                Map.of(TicketLifecycle.VAR_TIER3_OUTCOME, "RESOLVED", TicketLifecycle.VAR_RESOLUTION, resolution,
                        TicketLifecycle.VAR_FIX_PLAN, fixPlan));
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
