package org.servicedesk.sla;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The due-date variables ({@code responseDueAt}, {@code tier2FeedbackDueAt},
 * {@code resolutionDueAt}) that lifecycle 3.0's user tasks read as {@code camunda:dueDate}. Since
 * 3.1 the tasks read the clocks through {@link SlaDueDates}, so the variables are set only for an
 * instance whose own definition still reads them: tickets started on 3.0 keep working until they
 * end or are migrated ({@code POST /api/process-migrations/ticket-lifecycle}). Delete this class
 * when Cockpit shows no running instance of a 3.0 definition.
 */
@Component
class LegacyDueDateVariables {

    /** Per process definition: the variables its user tasks' due dates read. */
    private final Map<String, Set<String>> readByDefinition = new ConcurrentHashMap<>();

    void set(DelegateExecution execution, String variable, Instant dueAt) {
        if (readBy(execution).contains(variable)) {
            execution.setVariable(variable, Date.from(dueAt));
        }
    }

    private Set<String> readBy(DelegateExecution execution) {
        return readByDefinition.computeIfAbsent(execution.getProcessDefinitionId(),
                id -> execution.getBpmnModelInstance().getModelElementsByType(UserTask.class).stream()
                        .map(UserTask::getCamundaDueDate)
                        .filter(due -> due != null && due.matches("\\$\\{\\s*\\w+\\s*}"))
                        .map(due -> due.replaceAll("[${}\\s]", ""))
                        .collect(Collectors.toUnmodifiableSet()));
    }
}
