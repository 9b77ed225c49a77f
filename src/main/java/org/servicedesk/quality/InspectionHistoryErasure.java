package org.servicedesk.quality;

import static org.servicedesk.quality.QualityInspection.TASK_INSPECT_TICKET;
import static org.servicedesk.quality.QualityInspection.VAR_INSPECTION_ID;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.servicedesk.privacy.TicketRowsErasing;
import org.servicedesk.privacy.TicketsErasing;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The part of a weekly quality inspection that is about an erased customer's ticket. A weekly
 * instance inspects many customers' tickets, so it is not deleted; instead the erased ticket's
 * inspection goes: an open inspection task is cancelled (the week's other inspections go on and the
 * instance still ends), and the inspection task's history is deleted with its form context
 * (ticket subject, description, masked customer, scores and notes) and its {@code inspectionId}.
 * Runs on {@link TicketsErasing}, inside the customer erasure's transaction, before the inspection
 * rows are deleted.
 */
@Component
class InspectionHistoryErasure {

    private final NamedParameterJdbcTemplate jdbc;

    private final RuntimeService runtimeService;

    private final TaskService taskService;

    private final HistoryService historyService;

    InspectionHistoryErasure(NamedParameterJdbcTemplate jdbc, RuntimeService runtimeService, TaskService taskService,
            HistoryService historyService) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.historyService = historyService;
    }

    @EventListener
    void on(TicketsErasing erasing) {
        erase(erasing.ticketIds());
    }

    /** Then, with the other modules' rows, the inspection rows of the erased tickets. */
    @EventListener
    void on(TicketRowsErasing erasing) {
        erasing.removed("quality_inspection", jdbc.update("delete from quality_inspection where ticket_id in (:ids)",
                Map.of("ids", erasing.ticketIds())));
    }

    /** @return how many inspections were erased from the engine */
    int erase(List<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return 0;
        }
        List<Map<String, Object>> inspections = jdbc.queryForList(
                "select id, process_instance_id from quality_inspection where ticket_id in (:ids)"
                        + " and process_instance_id is not null", Map.of("ids", ticketIds));
        for (Map<String, Object> inspection : inspections) {
            long id = ((Number) inspection.get("id")).longValue();
            String instance = (String) inspection.get("process_instance_id");
            cancelOpenTask(instance, id);
            deleteTaskHistory(instance, id);
        }
        return inspections.size();
    }

    private void cancelOpenTask(String instance, long inspectionId) {
        for (Task task : taskService.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(TASK_INSPECT_TICKET).list()) {
            if (!isInspection(taskService.getVariable(task.getId(), VAR_INSPECTION_ID), inspectionId)) {
                continue;
            }
            for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance).activityId(TASK_INSPECT_TICKET).unfinished().list()) {
                if (task.getId().equals(activity.getTaskId())) {
                    runtimeService.createProcessInstanceModification(instance)
                            .cancelActivityInstance(activity.getId()).execute(true, true);
                }
            }
        }
    }

    private void deleteTaskHistory(String instance, long inspectionId) {
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery().processInstanceId(instance)
                .taskDefinitionKey(TASK_INSPECT_TICKET).list()) {
            List<HistoricVariableInstance> ids = historyService.createHistoricVariableInstanceQuery()
                    .executionIdIn(task.getExecutionId()).variableName(VAR_INSPECTION_ID).list();
            if (ids.stream().anyMatch(variable -> isInspection(variable.getValue(), inspectionId))) {
                // each variable with its details (every value it had): the task's form context and
                // scores, whatever scope they were written to while the task was open, and the inner
                // execution's inspectionId and ticketId
                Set<String> variables = new HashSet<>();
                historyService.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list().stream()
                        .filter(detail -> task.getActivityInstanceId().equals(detail.getActivityInstanceId())
                                || task.getId().equals(detail.getTaskId())
                                || task.getExecutionId().equals(detail.getExecutionId()))
                        .map(detail -> ((HistoricVariableUpdate) detail).getVariableInstanceId()).forEach(variables::add);
                historyService.createHistoricVariableInstanceQuery().executionIdIn(task.getExecutionId())
                        .includeDeleted().list().forEach(variable -> variables.add(variable.getId()));
                variables.forEach(historyService::deleteHistoricVariableInstance);
                historyService.deleteHistoricTaskInstance(task.getId());
            }
        }
    }

    private static boolean isInspection(Object value, long inspectionId) {
        return value instanceof Number number && number.longValue() == inspectionId;
    }
}
