package org.servicedesk.notification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.servicedesk.security.Masking;

/** The error of a failed attempt, for the log and the row: e-mail addresses and phone numbers masked. */
final class ErrorText {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d -]{6,}\\d");

    private ErrorText() {
    }

    static String of(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + mask(message));
    }

    static String mask(String text) {
        String masked = replace(EMAIL, text, Masking::email);
        return replace(PHONE, masked, Masking::phone);
    }

    private static String replace(Pattern pattern, String text, java.util.function.UnaryOperator<String> mask) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(mask.apply(matcher.group())));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
