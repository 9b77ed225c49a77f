package org.servicedesk.system;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.WebRequest;

/**
 * The desk's fixed texts from the messages files ({@code messages.properties} English,
 * {@code messages_zh.properties} Chinese; docs/operators.md). {name} placeholders are replaced by
 * the value of that name, a missing value by nothing; the texts are read without arguments, so no
 * MessageFormat rules apply to them. A missing key throws: no answer goes out with an empty text.
 */
@Component
public class DeskTexts {

    private final MessageSource messages;

    public DeskTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The text of a key in a language; a language without its own file gets English. */
    public String text(String key, Locale language, Map<String, String> values) {
        return fill(messages.getMessage(key, null, language), values);
    }

    /**
     * The language a request asks for by {@code Accept-Language}; English without the header, whatever
     * the server's own locale.
     */
    public static Locale languageOf(HttpServletRequest request) {
        return StringUtils.hasText(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)) ? request.getLocale()
                : Locale.ENGLISH;
    }

    /** The same for a request as Spring MVC hands it to an exception handler. */
    public static Locale languageOf(WebRequest request) {
        return StringUtils.hasText(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)) ? request.getLocale()
                : Locale.ENGLISH;
    }

    /** Replaces each {name} by its value (null: by nothing). */
    private static String fill(String text, Map<String, String> values) {
        String result = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace("{" + value.getKey() + "}", value.getValue() == null ? "" : value.getValue());
        }
        return result;
    }
}
