package org.servicedesk.notification;

import java.util.Locale;
import java.util.Map;

import org.servicedesk.system.DeskTexts;
import org.springframework.stereotype.Component;

/**
 * Renders a template's subject and body from the messages files: Chinese for language "zh",
 * else English. {name} placeholders are replaced by the value of that name, a missing value by
 * nothing. The texts are read without arguments, so no MessageFormat rules apply to them. A
 * template without its English texts stops the start: no empty message is ever queued.
 */
@Component
class NotificationTexts {

    private final DeskTexts texts;

    NotificationTexts(DeskTexts texts) {
        this.texts = texts;
        for (NotificationTemplate template : NotificationTemplate.values()) {
            // throws NoSuchMessageException at start-up when a key is missing
            texts.text(template.subjectKey(), Locale.ENGLISH, Map.of());
            texts.text(template.bodyKey(), Locale.ENGLISH, Map.of());
        }
    }

    String subject(NotificationTemplate template, String language, Map<String, String> values) {
        return texts.text(template.subjectKey(), locale(language), values);
    }

    String body(NotificationTemplate template, String language, Map<String, String> values) {
        return texts.text(template.bodyKey(), locale(language), values);
    }

    private static Locale locale(String language) {
        return "zh".equals(language) ? Locale.CHINESE : Locale.ENGLISH;
    }
}
