package org.servicedesk.ticket;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.servicedesk.engine.FormValidationFailure;

/** Checks a completing task's form values where the form cannot be trusted (the engine's REST API). */
public final class TaskFields {

    private TaskFields() {
    }

    /**
     * The non-blank value of {@code variable}, else the completion is refused naming the field and task.
     * The engine's form-field validation exception is the one its REST API answers with 400 (a bad
     * request, not a failure of the desk); any other exception from a task listener becomes a 500.
     */
    public static String required(DelegateTask task, String variable) {
        Object value = task.getVariable(variable);
        if (value == null || value.toString().isBlank()) {
            throw invalid(variable, variable + " is required to complete " + task.getTaskDefinitionKey());
        }
        return value.toString();
    }

    /**
     * A completion refused because of one field's value: the engine's REST API answers 400 naming
     * the field ({@link FormValidationFailure}).
     */
    public static ProcessEngineException invalid(String field, String message) {
        return FormValidationFailure.of(field, message);
    }
}
