package org.servicedesk.security;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Logs a channel integration in by its {@value #HEADER} header ({@link ApiKeys}). An unknown or
 * revoked key is a 401 at once; a request without the header goes on to the other logins.
 */
class ApiKeyAuthentication extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiKeys keys;

    private final IdentityService identityService;

    private final ApiRefusals refusals;

    ApiKeyAuthentication(ApiKeys keys, IdentityService identityService, ApiRefusals refusals) {
        this.keys = keys;
        this.identityService = identityService;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = request.getHeader(HEADER);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> user = keys.userOf(secret.trim());
        if (user.isEmpty()) {
            refusals.refuse(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "api-key-unknown", Map.of());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(CamundaIdentityAuthentication.authenticated(user.get(),
                CamundaIdentityAuthentication.groupIdsOf(identityService, user.get())));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
