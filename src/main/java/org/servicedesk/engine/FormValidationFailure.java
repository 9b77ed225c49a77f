package org.servicedesk.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A completion refused because of one form field's value, as the engine's own form validation
 * refuses it: the one exception its REST API answers with 400 rather than 500.
 */
public final class FormValidationFailure {

    private FormValidationFailure() {
    }

    /** The refusal of {@code field}, to be thrown from a task listener. */
    public static ProcessEngineException of(String field, String message) {
        return new FormFieldValidationException(field, message);
    }

    /** Whether {@code failure} is such a refusal (ours or the engine's form validation). */
    public static boolean isFormValidation(Throwable failure) {
        return failure instanceof FormFieldValidationException;
    }
}
