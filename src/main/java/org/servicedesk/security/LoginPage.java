package org.servicedesk.security;

import java.util.Locale;
import java.util.Map;

import org.servicedesk.system.DeskTexts;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one login page of the desk: our pages and the Camunda web applications share its session.
 * Thymeleaf renders {@code templates/login.html} in the language of the request's Accept-Language
 * (English without one).
 */
@Controller
class LoginPage {

    private final ITemplateEngine templates;

    private final MessageSource messages;

    LoginPage(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    @GetMapping(path = WebSecurity.LOGIN, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request) {
        Locale language = DeskTexts.languageOf(request);
        boolean error = request.getParameter("error") != null;
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return templates.process("login", new Context(language, Map.of(
                "language", messages.getMessage("login.language", null, language),
                "error", error,
                "loggedOut", !error && request.getParameter("logout") != null,
                "csrfName", csrf.getParameterName(),
                "csrfToken", csrf.getToken())));
    }
}
