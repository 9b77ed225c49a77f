package org.servicedesk.privacy;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data for display: {@code 张三 → 张*}, {@code 13812345678 → 138****5678},
 * {@code alice@example.com → a***@example.com}.
 */
public final class Masking {

    private static final Pattern EMAIL_IN_TEXT = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

    /**
     * The separators written between the digits of a phone number: spaces, hyphens, dashes and
     * parentheses, in their ASCII and full-width forms ({@code （010）６５５２－１２３４}).
     */
    private static final String PHONE_SEPARATORS = " ()\\-\\u00A0\\u2010-\\u2015\\u3000\\uFF08\\uFF09\\uFF0D";

    /**
     * A run of digits (any script's, full-width included) with the separators of phone numbers,
     * not inside a word (ticket numbers are CG…): {@code +86 138-1234-5678}, {@code (010) 6552-1234}.
     */
    private static final Pattern PHONE_IN_TEXT = Pattern.compile("(?U)(?<![A-Za-z\\d])[+\\uFF0B]?[(\\uFF08]?\\d["
            + "\\d" + PHONE_SEPARATORS + "]{7,}\\d(?![A-Za-z\\d])");

    /** A date, which is never taken for (a part of) a phone number. */
    private static final Pattern DATE = Pattern.compile("(?U)(?<!\\d)\\d{4}-\\d{1,2}-\\d{1,2}(?!\\d)");

    private static final Pattern ADDRESS_PHONE = Pattern.compile("(?U)[+\\uFF0B]?[\\d" + PHONE_SEPARATORS + "]{5,}");

    /** At least this many digits make a phone number in free text. */
    private static final int PHONE_DIGITS = 9;

    private Masking() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String trimmed = name.strip();
        int first = trimmed.codePointAt(0);
        // at most three stars, so the mask does not tell the name's length
        int rest = Math.min(3, Math.max(1, trimmed.codePointCount(0, trimmed.length()) - 1));
        return new StringBuilder().appendCodePoint(first).append("*".repeat(rest)).toString();
    }

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = digits(phone);
        if (digits.length() >= 8) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
    }

    /** The digits of a text as ASCII, whatever script they were written in ({@code ６} is 6). */
    static String digits(String text) {
        StringBuilder digits = new StringBuilder();
        text.codePoints().filter(Character::isDigit).map(cp -> '0' + Character.digit(cp, 10))
                .forEach(digits::appendCodePoint);
        return digits.toString();
    }

    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** Keeps the last four characters of an order number. */
    public static String reference(String reference) {
        if (reference == null || reference.isBlank()) {
            return reference;
        }
        return reference.length() <= 4 ? "****" : "****" + reference.substring(reference.length() - 4);
    }

    /**
     * Free text with every e-mail address and phone number in it masked: an address as
     * {@link #email}, a run of at least nine digits (spaces, {@code -}, {@code ()} and a leading
     * {@code +} allowed between them, dates excepted) as {@link #phone}. For texts that leave our
     * tables: engine variables, task names, log lines, API answers.
     */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(EMAIL_IN_TEXT, text, Masking::email);
        // dates (2026-01-05) are kept apart, so that a date and a number next to it are not one "phone number"
        StringBuilder result = new StringBuilder();
        Matcher date = DATE.matcher(masked);
        int from = 0;
        while (date.find()) {
            result.append(phonesMasked(masked.substring(from, date.start()))).append(date.group());
            from = date.end();
        }
        return result.append(phonesMasked(masked.substring(from))).toString();
    }

    private static String phonesMasked(String text) {
        return replace(PHONE_IN_TEXT, text,
                candidate -> digits(candidate).length() < PHONE_DIGITS ? candidate
                        : phone(candidate));
    }

    private static String replace(Pattern pattern, String text, UnaryOperator<String> mask) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(mask.apply(matcher.group())));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** An address of any kind: e-mail, phone number, or a group or user id that is shown as it is. */
    public static String address(String address) {
        if (address == null) {
            return null;
        }
        if (address.contains("@")) {
            return email(address);
        }
        if (ADDRESS_PHONE.matcher(address).matches()) {
            return phone(address);
        }
        return address;
    }
}
