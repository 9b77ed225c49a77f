package org.servicedesk.notification;

import org.servicedesk.privacy.Masking;

/**
 * The error of a failed attempt, for the log and the row: e-mail addresses and phone numbers masked
 * by the same rules as every other text that leaves our tables ({@link Masking#text}).
 */
final class ErrorText {

    private ErrorText() {
    }

    static String of(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + mask(message));
    }

    static String mask(String text) {
        return Masking.text(text);
    }
}
