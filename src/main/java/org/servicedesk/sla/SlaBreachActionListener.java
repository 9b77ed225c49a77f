package org.servicedesk.sla;

import static org.servicedesk.ticket.TaskFields.required;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER1;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER2;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER3;
import static org.servicedesk.ticket.TicketLifecycle.TASK_REVIEW_RESOLUTION;
import static org.servicedesk.ticket.TicketLifecycle.VAR_BREACH_ACTION;
import static org.servicedesk.ticket.TicketLifecycle.VAR_BREACH_COMMENT;
import static org.servicedesk.ticket.TicketLifecycle.VAR_NEW_ASSIGNEE;
import static org.servicedesk.ticket.TicketLifecycle.VAR_NEW_PRIORITY;
import static org.servicedesk.ticket.TicketLifecycle.VAR_PRIORITY;
import static org.servicedesk.ticket.TicketLifecycle.VAR_TASK_PRIORITY;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.servicedesk.engine.EngineAuthentication;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketLookup;
import org.servicedesk.ticket.Timeline;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_HandleSlaBreach}: carries out the supervisor's decision —
 * reassign the open handling task, change the ticket's priority (and so its tasks'), or only
 * record a comment.
 */
@Component("slaBreachActionListener")
class SlaBreachActionListener implements TaskListener {

    /** Task priority of each ticket priority when a supervisor changes it. */
    static final Map<Priority, Integer> TASK_PRIORITY = Map.of(Priority.P0, 90, Priority.P1, 60, Priority.P2, 30);

    private static final List<String> HANDLING_TASKS = List.of(TASK_HANDLE_TIER1, TASK_HANDLE_TIER2, TASK_HANDLE_TIER3,
            TASK_REVIEW_RESOLUTION);

    private final TicketLookup tickets;

    private final Timeline timeline;

    private final TaskService taskService;

    private final IdentityService identityService;

    SlaBreachActionListener(TicketLookup tickets, Timeline timeline, @Lazy TaskService taskService,
            @Lazy IdentityService identityService) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        String action = required(task, VAR_BREACH_ACTION);
        String comment = required(task, VAR_BREACH_COMMENT);
        Ticket ticket = tickets.of(task);
        String clock = String.valueOf(task.getVariable(SlaClockProcess.VAR_BREACHED_CLOCK));
        switch (action) {
            case "REASSIGN" -> {
                String assignee = required(task, VAR_NEW_ASSIGNEE);
                if (identityService.createUserQuery().userId(assignee).count() == 0) {
                    throw new ProcessEngineException("there is no user " + assignee);
                }
                List<Task> open = openHandlingTasks(task);
                if (open.isEmpty()) {
                    throw new ProcessEngineException("the ticket has no open task to reassign; choose COMMENT");
                }
                open.forEach(t -> taskService.setAssignee(t.getId(), assignee));
                timeline.record(ticket.getId(), actor(task), TicketAction.REASSIGNED, "To " + assignee + ": " + comment);
            }
            case "CHANGE_PRIORITY" -> {
                Priority priority = Priority.valueOf(required(task, VAR_NEW_PRIORITY));
                String lifecycle = lifecycleOf(task).orElseThrow(() -> new ProcessEngineException(
                        "the ticket is closed: its priority no longer changes; choose COMMENT"));
                ticket.changePriority(priority);
                task.getProcessEngineServices().getRuntimeService().setVariables(lifecycle,
                        Map.of(VAR_PRIORITY, priority.name(), VAR_TASK_PRIORITY, TASK_PRIORITY.get(priority)));
                openHandlingTasks(task)
                        .forEach(t -> taskService.setPriority(t.getId(), TASK_PRIORITY.get(priority)));
                timeline.record(ticket.getId(), actor(task), TicketAction.PRIORITY_CHANGED, priority + ": " + comment);
            }
            case "COMMENT" -> { }
            default -> throw new ProcessEngineException(VAR_BREACH_ACTION + " must be REASSIGN, CHANGE_PRIORITY or COMMENT");
        }
        timeline.record(ticket.getId(), actor(task), TicketAction.SLA_BREACH_HANDLED, clock + ": " + comment);
    }

    /** The ticket's lifecycle instance: the breach task runs in the ticket's SlaClockProcess. */
    /** Empty once the ticket is closed: the breach task may outlive the lifecycle. */
    private static Optional<String> lifecycleOf(DelegateTask task) {
        return Optional.ofNullable(task.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(TicketLifecycle.PROCESS_ID)
                .processInstanceBusinessKey(task.getExecution().getProcessBusinessKey()).singleResult())
                .map(ProcessInstance::getId);
    }

    private List<Task> openHandlingTasks(DelegateTask task) {
        return lifecycleOf(task).map(lifecycle -> taskService.createTaskQuery().processInstanceId(lifecycle)
                .taskDefinitionKeyIn(HANDLING_TASKS.toArray(String[]::new)).list()).orElse(List.of());
    }

    private String actor(DelegateTask task) {
        String current = EngineAuthentication.currentUserId(identityService);
        return task.getAssignee() != null ? task.getAssignee() : current != null ? current : Timeline.SYSTEM;
    }
}
