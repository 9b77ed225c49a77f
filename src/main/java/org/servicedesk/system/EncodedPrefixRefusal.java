package org.servicedesk.system;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
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

    private final ProblemWriter problems;

    EncodedPrefixRefusal(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        int end = raw.indexOf('/', 1);
        String first = end < 0 ? raw : raw.substring(0, end);
        if (first.indexOf('%') >= 0) {
            response.setHeader("Connection", "close"); // the body is not read
            problems.write(response, problems.problem(DeskTexts.languageOf(request), HttpStatus.BAD_REQUEST,
                    "invalid-request", "encoded-prefix", Map.of()));
            return;
        }
        chain.doFilter(request, response);
    }
}
