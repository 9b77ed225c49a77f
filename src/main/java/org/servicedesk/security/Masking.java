package org.servicedesk.security;

/**
 * Masks personal data for display: {@code 张三 → 张*}, {@code 13812345678 → 138****5678},
 * {@code alice@example.com → a***@example.com}.
 */
public final class Masking {

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
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() >= 8) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
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

    /** An address of any kind: e-mail, phone number, or a group or user id that is shown as it is. */
    public static String address(String address) {
        if (address == null) {
            return null;
        }
        if (address.contains("@")) {
            return email(address);
        }
        if (address.matches("\\+?[0-9 ()-]{5,}")) {
            return phone(address);
        }
        return address;
    }
}
