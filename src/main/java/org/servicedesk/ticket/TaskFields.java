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

    /** The last refusal in this thread: the engine wraps a listener's exception, so the REST API sees a 500. */
    private static final ThreadLocal<ProcessEngineException> LAST_REFUSAL = new ThreadLocal<>();

    /**
     * A completion refused because of one field's value. The engine's REST API wraps any task
     * listener's exception into a 500; the engine API's guard (security.EngineRequestGuard) takes the
     * refusal from {@link #takeRefusal()} and answers 400 naming the field instead.
     */
    public static ProcessEngineException invalid(String field, String message) {
        ProcessEngineException refusal = FormValidationFailure.of(field, message);
        LAST_REFUSAL.set(refusal);
        return refusal;
    }

    /** The field refusal made in this thread since the last call, if any, and forgets it. */
    public static ProcessEngineException takeRefusal() {
        ProcessEngineException refusal = LAST_REFUSAL.get();
        LAST_REFUSAL.remove();
        return refusal;
    }
}
