package org.servicedesk.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request Spring Security's firewall refuses (an encoded slash, percent or backslash, a semicolon,
 * "..", a control character in the address or a parameter name) answers 400 like any other bad
 * request: problem+json, or a page on the customer pages, instead of an empty error.
 */
@Configuration
class RejectedRequests {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, e) -> reject(problems, request, response, e);
    }

    static void reject(ProblemWriter problems, HttpServletRequest request, HttpServletResponse response,
            RequestRejectedException e) throws IOException {
        log.debug("request rejected: {}", e.getMessage());
        if (response.isCommitted()) {
            return;
        }
        if (RoutedPath.of(request).startsWith("/customer/")) {
            response.resetBuffer();
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Service desk</title></head><body><h1>Service desk</h1>"
                    + "<p>This link is not valid. If you still need help, please contact us.</p></body></html>");
        } else {
            problems.write(response, problems.problem(DeskTexts.languageOf(request), HttpStatus.BAD_REQUEST,
                    "invalid-request", "characters-not-allowed", Map.of()));
        }
    }
}
