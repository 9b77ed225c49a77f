package org.servicedesk.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A completion refused because of one form field's value, as the engine's own form validation
 * refuses it. The engine wraps a task listener's exception, so its REST API would answer 500: the
 * last refusal made in a thread is kept for the engine API's guard, which takes it
 * ({@link #takeLast()}) and answers 400 naming the field instead.
 */
public final class FormValidationFailure {

    private static final ThreadLocal<ProcessEngineException> LAST = new ThreadLocal<>();

    private FormValidationFailure() {
    }

    /** The refusal of {@code field}, to be thrown from a task listener; remembered for {@link #takeLast()}. */
    public static ProcessEngineException of(String field, String message) {
        ProcessEngineException refusal = new FormFieldValidationException(field, message);
        LAST.set(refusal);
        return refusal;
    }

    /** The field refusal made in this thread since the last call, if any, and forgets it. */
    public static ProcessEngineException takeLast() {
        ProcessEngineException refusal = LAST.get();
        LAST.remove();
        return refusal;
    }

    /** Whether {@code failure} is such a refusal (ours or the engine's form validation). */
    public static boolean isFormValidation(Throwable failure) {
        return failure instanceof FormFieldValidationException;
    }
}
