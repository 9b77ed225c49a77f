package org.servicedesk.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiRefusals() {
    }

    static AuthenticationEntryPoint notLoggedIn() {
        return (request, response, exception) -> {
            if (exception instanceof CamundaIdentityAuthentication.LoginThrottled throttled) {
                response.setHeader("Retry-After", String.valueOf(Math.max(1, throttled.waitFor().toSeconds())));
                write(response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
                return;
            }
            logInFirst(response);
        };
    }

    /**
     * 403; but an API request without any login that is refused for its missing CSRF token (a POST,
     * before its credentials are even looked at) is told to log in first, as a GET would be. (Spring
     * uses this handler for every address; our login form keeps its 403.)
     */
    static AccessDeniedHandler notAllowed(RequestMatcher api) {
        return (request, response, exception) -> {
            if (exception instanceof CsrfException && api.matches(request) && !loggedIn()) {
                logInFirst(response);
                return;
            }
            write(response, HttpStatus.FORBIDDEN, "Your role may not do this.");
        };
    }

    private static void logInFirst(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        write(response, HttpStatus.UNAUTHORIZED, "Log in first: HTTP Basic with a service desk user.");
    }

    private static boolean loggedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        problem(response, status, status.getReasonPhrase(), detail);
    }

    /** A problem+json answer; title and detail may quote the request (a field name), so they are JSON-encoded. */
    static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        // the Camunda web applications show an error's "message" (their REST API's error format) to the user
        problem.put("message", detail);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
