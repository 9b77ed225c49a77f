package org.servicedesk.portal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.servicedesk.system.DeskTexts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The customer pages, rendered by Thymeleaf from {@code templates/customer/page.html} in the language
 * the request asks for by Accept-Language (English without one). Texts come from the messages files;
 * every text put in is escaped ({@code th:text}).
 */
@Component
class Pages {

    private final ITemplateEngine templates;

    private final DeskTexts texts;

    private final HttpServletRequest request;

    Pages(ITemplateEngine templates, DeskTexts texts, HttpServletRequest request) {
        this.templates = templates;
        this.texts = texts;
        this.request = request; // a proxy: the request being answered
    }

    /** A text of the messages files in the page's language. */
    String text(String key, Map<String, String> values) {
        return texts.text(key, language(), values);
    }

    String text(String key) {
        return text(key, Map.of());
    }

    /** A page with a title, a heading and a paragraph; {@link Page#form} adds one of the template's forms. */
    Page page(String title, String heading, String paragraph) {
        return new Page(title, heading, paragraph);
    }

    /**
     * The token is in the address: nothing cached (and the site-wide Referrer-Policy same-origin keeps
     * it from other sites; the pages load nothing from elsewhere).
     */
    ResponseEntity<String> answer(HttpStatus status, Page page) {
        Locale language = language();
        Map<String, Object> variables = new HashMap<>(page.variables);
        variables.put("language", texts.text("customer.language", language, Map.of()));
        // the charset said in the header too: the Chinese pages are not read as Latin-1 by any client
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(templates.process("customer/page", new Context(language, variables)));
    }

    private Locale language() {
        return DeskTexts.languageOf(request);
    }

    /** What one page shows. */
    static final class Page {

        private final Map<String, Object> variables = new HashMap<>();

        private Page(String title, String heading, String paragraph) {
            variables.put("title", title);
            variables.put("heading", heading);
            variables.put("text", paragraph);
        }

        /** The form of this name in the template, posting to {@code action}. */
        Page form(String form, String action, Map<String, Object> values) {
            variables.put("form", form);
            variables.put("action", action);
            variables.putAll(values);
            return this;
        }
    }
}
