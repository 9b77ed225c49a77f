package org.servicedesk.ticket;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Checks a completing task's form values where the form cannot be trusted (the engine's REST API). */
public final class TaskFields {

    private TaskFields() {
    }

    /** The non-blank value of {@code variable}, else the completion is refused naming the field and task. */
    public static String required(DelegateTask task, String variable) {
        Object value = task.getVariable(variable);
        if (value == null || value.toString().isBlank()) {
            throw new ProcessEngineException(variable + " is required to complete " + task.getTaskDefinitionKey());
        }
        return value.toString();
    }
}
