package org.servicedesk.security;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;

/** The one login page of the desk: our pages and the Camunda web applications share its session. */
@Controller
class LoginPage {

    @GetMapping(path = WebSecurity.LOGIN, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = "";
        if (request.getParameter("error") != null) {
            message = "<p class=\"error\" id=\"error\">Wrong user name or password, or the account is locked"
                    + " for a while after too many attempts.</p>";
        } else if (request.getParameter("logout") != null) {
            message = "<p class=\"info\" id=\"logged-out\">You are logged out.</p>";
        }
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Service Desk · Log in</title>
                <link rel="stylesheet" href="/login.css">
                </head><body><main>
                <h1>Service Desk</h1>
                %s
                <form method="post" action="/login">
                <label for="username">User name</label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button id="login" type="submit">Log in</button>
                </form>
                <p class="hint">Tasklist, Cockpit and Admin: <a href="/camunda/app/">/camunda/app/</a> ·
                intake: <a href="/intake">/intake</a> · reports: <a href="/reports">/reports</a></p>
                </main></body></html>
                """.formatted(message, HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
