package org.servicedesk.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.servicedesk.system.TimeSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A logged-in session sees an administrator's change within a minute: at most every
 * {@link #EVERY}, the session's user is read again from the identity service; a deleted user's
 * session ends, and changed groups replace the session's roles. (HTTP Basic callers are checked on
 * every request anyway; the Camunda apps re-read their own copy after the same minute, see
 * {@code camunda.bpm.webapp.auth.cache}.)
 */
class SessionRightsRefresh extends OncePerRequestFilter {

    static final Duration EVERY = Duration.ofMinutes(1);

    static final String CHECKED_AT = SessionRightsRefresh.class.getName() + ".checkedAt";

    private final IdentityService identityService;

    private final TimeSource time;

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionRightsRefresh(IdentityService identityService, TimeSource time) {
        this.identityService = identityService;
        this.time = time;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.isAuthenticated()) {
            refresh(request, response, session, authentication);
        }
        chain.doFilter(request, response);
    }

    private void refresh(HttpServletRequest request, HttpServletResponse response, HttpSession session,
            Authentication authentication) {
        Instant now = time.now();
        Object checked = session.getAttribute(CHECKED_AT);
        if (checked instanceof Instant at && now.isBefore(at.plus(EVERY)) && !now.isBefore(at)) {
            return;
        }
        session.setAttribute(CHECKED_AT, now);
        if (checked == null) {
            return; // just logged in: the roles are fresh
        }
        String user = authentication.getName();
        if (identityService.createUserQuery().userId(user).count() == 0) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            return;
        }
        List<String> groups = CamundaIdentityAuthentication.groupIdsOf(identityService, user);
        if (!groups.equals(CamundaIdentityAuthentication.groupIds(authentication))) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(CamundaIdentityAuthentication.authenticated(user, groups));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
    }
}
