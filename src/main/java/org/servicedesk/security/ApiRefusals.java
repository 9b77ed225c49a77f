package org.servicedesk.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.servicedesk.system.DeskTexts;
import org.servicedesk.system.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * An API caller without a login, or without the role, gets problem+json like every other refusal
 * of our API. The answer is written here rather than through the container's error page: an error
 * dispatch would read a multipart body that was never meant for it and fail with 500.
 */
final class ApiRefusals {

    static final String REALM = "Service Desk";

    private final ProblemWriter problems;

    ApiRefusals(ProblemWriter problems) {
        this.problems = problems;
    }

    AuthenticationEntryPoint notLoggedIn() {
        return (request, response, exception) -> {
            if (exception instanceof CamundaIdentityAuthentication.LoginThrottled throttled) {
                response.setHeader("Retry-After", String.valueOf(Math.max(1, throttled.waitFor().toSeconds())));
                problem(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", throttled.getMessage());
                return;
            }
            logInFirst(request, response);
        };
    }

    /**
     * 403; but an API request without any login that is refused for its missing CSRF token (a POST,
     * before its credentials are even looked at) is told to log in first, as a GET would be. (Spring
     * uses this handler for every address; our login form keeps its 403.)
     */
    AccessDeniedHandler notAllowed(RequestMatcher api) {
        return (request, response, exception) -> {
            if (exception instanceof CsrfException && api.matches(request) && !loggedIn()) {
                logInFirst(request, response);
                return;
            }
            refuse(request, response, HttpStatus.FORBIDDEN, "forbidden", "role-may-not", Map.of());
        };
    }

    private void logInFirst(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        refuse(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "log-in-first", Map.of());
    }

    private static boolean loggedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** A refusal with a title and detail of the messages files (problem.title.*, problem.detail.*). */
    void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
            String detail, Map<String, String> values) throws IOException {
        write(response, problems.problem(DeskTexts.languageOf(request), status, title, detail, values));
    }

    /** A refusal with a detail that is not one of ours (the engine guard's, the login throttle's). */
    void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
            String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(problems.title(DeskTexts.languageOf(request), title));
        write(response, problem);
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        // the Camunda web applications show an error's "message" (their REST API's error format) to the user
        problem.setProperty("message", problem.getDetail());
        problems.write(response, problem);
    }
}
