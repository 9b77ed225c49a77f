package org.servicedesk.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of a service desk, created at start-up when missing (matched by name):
 * an agent's own tasks, their groups' queue by priority and due date, VIP tickets, what is due
 * within the hour, what is overdue, and the supervisors' SLA breaches and follow-ups.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class TasklistFilters implements ApplicationRunner {

    public static final String MY_TASKS = "My tasks";
    public static final String MY_GROUPS_QUEUE = "My group's queue";
    public static final String VIP = "VIP";
    public static final String DUE_WITHIN_1_H = "Due within 1 h";
    public static final String OVERDUE = "Overdue";
    public static final String SLA_BREACHES = "SLA breaches";
    public static final String FOLLOW_UPS = "Follow-ups";

    private static final String ME = "${currentUser()}";
    private static final String MY_GROUPS = "${currentUserGroups()}";

    private final FilterService filterService;

    private final TaskService taskService;

    TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        create(MY_TASKS, -20, "Tasks assigned to me",
                taskService.createTaskQuery().taskAssigneeExpression(ME)
                        .orderByTaskPriority().desc().orderByDueDate().asc());
        create(MY_GROUPS_QUEUE, -10, "Unclaimed tasks of my groups, most urgent first",
                taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).taskUnassigned()
                        .orderByTaskPriority().desc().orderByDueDate().asc());
        create(VIP, 0, "Tasks of VIP customers' tickets in my groups",
                taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks()
                        .processVariableValueEquals("customerTier", "VIP")
                        .orderByTaskPriority().desc().orderByDueDate().asc());
        create(DUE_WITHIN_1_H, 10, "My groups' tasks due in the next hour",
                taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks()
                        .dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusHours(1)}")
                        .orderByDueDate().asc());
        create(OVERDUE, 20, "My groups' tasks past their due date",
                taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks()
                        .dueBeforeExpression("${now()}").orderByDueDate().asc());
        create(SLA_BREACHES, 30, "Supervisors: missed service levels to handle",
                taskService.createTaskQuery().taskDefinitionKey("Task_HandleSlaBreach").orderByTaskCreateTime().asc());
        create(FOLLOW_UPS, 40, "Supervisors: dissatisfied customers to call back",
                taskService.createTaskQuery().taskDefinitionKey("Task_FollowUpDissatisfied")
                        .orderByTaskCreateTime().asc());
    }

    private void create(String name, int priority, String description, TaskQuery query) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", List.of(Map.of("name", "ticketNumber", "label", "Ticket"),
                Map.of("name", "priority", "label", "Priority"), Map.of("name", "customerTier", "label", "Tier")));
        Filter filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
        filterService.saveFilter(filter);
    }
}
