package org.servicedesk.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against Camunda's identity service (which also locks an account
 * after repeated failures) and grants one role per group the user is a member of.
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

    static final String ROLE_PREFIX = "ROLE_";

    private final IdentityService identityService;

    CamundaIdentityAuthentication(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || !(credentials instanceof String password)
                || !identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("Bad user name or password");
        }
        List<GrantedAuthority> roles = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).map(group -> (GrantedAuthority) new SimpleGrantedAuthority(ROLE_PREFIX + group))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, roles);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static List<String> groupIds(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(role -> role.startsWith(ROLE_PREFIX)).map(role -> role.substring(ROLE_PREFIX.length()))
                .toList();
    }
}
