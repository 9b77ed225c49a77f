package org.servicedesk.portal;

import org.springframework.web.util.HtmlUtils;

/** A small, self-contained HTML page for customers; every text put in is escaped. */
final class Page {

    private final StringBuilder body = new StringBuilder();

    private final String title;

    Page(String title) {
        this.title = title;
    }

    Page heading(String text) {
        body.append("<h1>").append(escape(text)).append("</h1>");
        return this;
    }

    Page paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>");
        return this;
    }

    /** Markup we write ourselves (forms); never customer or agent text. */
    Page markup(String html) {
        body.append(html);
        return this;
    }

    static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }

    String html() {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="/customer.css">
                </head><body>%s</body></html>
                """.formatted(escape(title), body);
    }
}
