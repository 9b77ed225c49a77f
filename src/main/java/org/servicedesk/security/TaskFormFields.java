package org.servicedesk.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The variables a completion of a task may set: the keys of the editable fields of its Camunda
 * Form ({@code forms/*.form}). Read-only and disabled fields (the ticket's context shown to the
 * agent) are not among them, and a task without a form takes no variables at all.
 */
@Component
class TaskFormFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskService taskService;

    private final FormService formService;

    TaskFormFields(TaskService taskService, FormService formService) {
        this.taskService = taskService;
        this.formService = formService;
    }

    /** The field keys, or null when there is no such task (the engine answers that itself). */
    Set<String> of(String taskId) throws IOException {
        Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            return null;
        }
        Set<String> fields = new TreeSet<>();
        if (task.getCamundaFormRef() == null && (task.getFormKey() == null
                || !task.getFormKey().startsWith("camunda-forms:"))) {
            return fields;
        }
        try (InputStream form = formService.getDeployedTaskForm(taskId)) {
            collect(JSON.readTree(form), fields);
        }
        return fields;
    }

    static void collect(JsonNode component, Set<String> fields) {
        boolean editable = !component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false);
        if (editable && component.hasNonNull("key") && !"button".equals(component.path("type").asText())) {
            fields.add(component.get("key").asText());
        }
        // a group with a path nests its fields' values under that key
        if (component.hasNonNull("path") && component.path("components").isArray()) {
            fields.add(component.get("path").asText());
            return;
        }
        for (JsonNode child : component.path("components")) {
            collect(child, fields);
        }
    }
}
