package org.servicedesk.security;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against Camunda's identity service and grants one role per
 * group the user is a member of. Repeated failures slow down that user from that client address
 * ({@link LoginThrottle}); a client that must wait is refused before its password is looked at.
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

    static final String ROLE_PREFIX = "ROLE_";

    private final IdentityService identityService;

    private final LoginThrottle throttle;

    CamundaIdentityAuthentication(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || !(credentials instanceof String password)) {
            throw new BadCredentialsException("Bad user name or password");
        }
        String address = addressOf(authentication);
        Duration wait = throttle.waitFor(userId, address);
        if (!wait.isZero()) {
            throw new LoginThrottled(wait);
        }
        if (!identityService.checkPassword(userId, password)) {
            throttle.failed(userId, address);
            throw new BadCredentialsException("Bad user name or password");
        }
        throttle.succeeded(userId, address);
        List<String> groups = groupIdsOf(identityService, userId);
        if (groups.contains(Roles.CHANNELS)) {
            throw new BadCredentialsException("Channel integrations log in with an API key ("
                    + ApiKeyAuthentication.HEADER + "), not a password");
        }
        return authenticated(userId, groups);
    }

    static List<String> groupIdsOf(IdentityService identityService, String userId) {
        return identityService.createGroupQuery().groupMember(userId).orderByGroupId().asc().list().stream()
                .map(Group::getId).toList();
    }

    static Authentication authenticated(String userId, List<String> groupIds) {
        List<GrantedAuthority> roles = groupIds.stream()
                .map(group -> (GrantedAuthority) new SimpleGrantedAuthority(ROLE_PREFIX + group)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, roles);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }

    /** Too many wrong passwords from this client: a 401 that says how long to wait. */
    static final class LoginThrottled extends AuthenticationException {

        private final Duration wait;

        LoginThrottled(Duration wait) {
            super("Too many failed logins from this address; try again in " + Math.max(1, wait.toSeconds())
                    + " seconds");
            this.wait = wait;
        }

        Duration waitFor() {
            return wait;
        }
    }

    static List<String> groupIds(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(role -> role.startsWith(ROLE_PREFIX)).map(role -> role.substring(ROLE_PREFIX.length()))
                .toList();
    }
}
