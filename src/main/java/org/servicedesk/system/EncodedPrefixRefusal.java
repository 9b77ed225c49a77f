package org.servicedesk.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An address whose first segment is percent-encoded ({@code /engine-r%65st/...}, {@code /%61pi/...})
 * is refused with 400 before anything reads it. No page, API or client of ours spells its prefix that
 * way; the container would still route it to the same servlet, and code that compares the raw
 * address with a prefix would let it pass (the filters here compare the routed path, {@link
 * RoutedPath}, and this closes the gap for any code that does not). Later segments may be encoded
 * (a variable named "my var"), and are checked as routed.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 20)
class EncodedPrefixRefusal extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        int end = raw.indexOf('/', 1);
        String first = end < 0 ? raw : raw.substring(0, end);
        if (first.indexOf('%') >= 0) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Connection", "close"); // the body is not read
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
                    + "\"detail\":\"The first part of the address must not be percent-encoded.\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
