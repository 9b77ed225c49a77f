package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.system.TasklistFilters;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The Tasklist filters show an agent their group's queue, their own tasks and what is overdue. */
@SpringBootTest
@ActiveProfiles("test")
class TasklistFiltersTest {

    @Autowired FilterService filterService;
    @Autowired IdentityService identityService;
    @Autowired TicketIntake intake;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void anAgentsQueueOwnTasksAndOverdue() {
        assertThat(filterService.createFilterQuery().list()).extracting(Filter::getName)
                .contains(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS_QUEUE, TasklistFilters.VIP,
                        TasklistFilters.DUE_WITHIN_1_H, TasklistFilters.OVERDUE, TasklistFilters.SLA_BREACHES,
                        TasklistFilters.FOLLOW_UPS);
        TicketScenario.setClock(Instant.parse("2026-11-23T01:00:00Z")); // Monday 09:00 in Shanghai
        String number = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2)).getNumber();
        intake.routeNow(number);
        String taskId = new TicketScenario(runtimeService, taskService, managementService)
                .openTask(number, TicketLifecycle.TASK_HANDLE_TIER1).getId();

        identityService.setAuthentication("alice", List.of("tier1"));
        assertThat(ids(TasklistFilters.MY_GROUPS_QUEUE)).contains(taskId);
        assertThat(ids(TasklistFilters.MY_TASKS)).doesNotContain(taskId);
        assertThat(ids(TasklistFilters.VIP)).doesNotContain(taskId);
        assertThat(ids(TasklistFilters.OVERDUE)).doesNotContain(taskId);

        taskService.claim(taskId, "alice");
        assertThat(ids(TasklistFilters.MY_TASKS)).contains(taskId);
        assertThat(ids(TasklistFilters.MY_GROUPS_QUEUE)).doesNotContain(taskId);

        TicketScenario.advance(Duration.ofMinutes(90)); // the 2 h response is due within the hour
        assertThat(ids(TasklistFilters.DUE_WITHIN_1_H)).contains(taskId);
        TicketScenario.advance(Duration.ofMinutes(31));
        assertThat(ids(TasklistFilters.OVERDUE)).contains(taskId);

        identityService.setAuthentication("carol", List.of("tier2"));
        assertThat(ids(TasklistFilters.OVERDUE)).doesNotContain(taskId);
    }

    private List<String> ids(String filterName) {
        Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
        return filterService.<Task>list(filter.getId()).stream().map(Task::getId).toList();
    }
}
