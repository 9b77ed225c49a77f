package org.servicedesk.security;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps the rows an engine API query returns: on {@code /engine-rest}, {@code maxResults} above
 * {@value #LIMIT} is refused with 400; the web applications' calls get {@value #LIMIT} instead (Tasklist
 * asks for 2000 filters); and a query without it gets {@value #LIMIT}. (The engine's own
 * {@code queryMaxResultsLimit} would also refuse the unpaged queries Tasklist makes for its
 * filters, so the cap sits here, on the engine API under both its prefixes ({@link EngineApi}).)
 */
class EngineRestQueryLimit extends OncePerRequestFilter {

    static final int LIMIT = 1000;

    static final String MAX_RESULTS = "maxResults";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return EngineApi.pathOf(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requested = request.getParameter(MAX_RESULTS);
        if (requested == null) {
            chain.doFilter(new LimitedRequest(request), response);
            return;
        }
        int maxResults;
        try {
            maxResults = Integer.parseInt(requested.trim());
        } catch (NumberFormatException notANumber) {
            maxResults = Integer.MAX_VALUE;
        }
        if (maxResults > LIMIT && !EngineApi.isRest(request)) {
            // the web applications ask for more than the cap (Tasklist lists up to 2000 filters): they get the cap
            chain.doFilter(new LimitedRequest(request), response);
            return;
        }
        if (maxResults < 0 || maxResults > LIMIT) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"maxResults must be a "
                    + "number from 0 to " + LIMIT + "; page with firstResult for more\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The request as the REST API sees it, with {@code maxResults} set to the limit. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return MAX_RESULTS.equals(name) ? String.valueOf(LIMIT) : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            return MAX_RESULTS.equals(name) ? new String[] {String.valueOf(LIMIT)} : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> parameters = new HashMap<>(super.getParameterMap());
            parameters.put(MAX_RESULTS, new String[] {String.valueOf(LIMIT)});
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String getQueryString() {
            String query = super.getQueryString();
            String others = query == null ? "" : java.util.Arrays.stream(query.split("&"))
                    .filter(pair -> !pair.equals(MAX_RESULTS) && !pair.startsWith(MAX_RESULTS + "="))
                    .collect(java.util.stream.Collectors.joining("&"));
            return (others.isEmpty() ? "" : others + "&") + MAX_RESULTS + "=" + LIMIT;
        }
    }
}
