package org.servicedesk.ticket;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.servicedesk.privacy.Masking;

/**
 * Free text of a ticket (subject, description, resolution, timeline, survey comment) as it may
 * leave our tables: into the engine (task names, form context), into staff notifications and
 * knowledge articles, and into masked API answers. The ticket's own contact name, phone, e-mail
 * and order number are masked wherever they occur, and so is anything else that looks like an
 * e-mail address or a phone number ({@link Masking#text}).
 */
public final class PersonalText {

    private PersonalText() {
    }

    public static String mask(String text, Ticket ticket) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        if (ticket != null) {
            masked = replace(masked, ticket.getContactEmail(), Masking.email(ticket.getContactEmail()));
            masked = replace(masked, ticket.getContactPhone(), Masking.phone(ticket.getContactPhone()));
            masked = replace(masked, ticket.getOrderNumber(), Masking.reference(ticket.getOrderNumber()));
            String name = ticket.getContactName();
            // a one-letter "name" would mask that letter everywhere
            if (name != null && name.strip().codePointCount(0, name.strip().length()) >= 2) {
                // as a whole word among Latin letters ("Li" is not masked in "delivery"); Chinese has no spaces
                masked = Pattern.compile("(?<![\\p{IsLatin}\\p{N}])" + Pattern.quote(name.strip())
                                + "(?![\\p{IsLatin}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(masked).replaceAll(Matcher.quoteReplacement(Masking.name(name)));
            }
        }
        return Masking.text(masked);
    }

    private static String replace(String text, String value, String replacement) {
        if (value == null || value.isBlank()) {
            return text;
        }
        return Pattern.compile(Pattern.quote(value.strip()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }
}
