package org.servicedesk.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first administrator of a fresh installation: every page needs a login, so Camunda's own
 * "create the first user" page cannot be reached. When {@code servicedesk.security.admin-user} and
 * {@code admin-password} are set and that user does not exist yet, it is created in
 * {@code camunda-admin}; later runs leave it alone (change the password in Admin).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final IdentityService identityService;

    private final String userId;

    private final String password;

    FirstAdministrator(IdentityService identityService,
            @Value("${servicedesk.security.admin-user:}") String userId,
            @Value("${servicedesk.security.admin-password:}") String password) {
        this.identityService = identityService;
        this.userId = userId;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (userId.isBlank() || password.isBlank()
                || identityService.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        User user = identityService.newUser(userId);
        user.setFirstName("Service desk");
        user.setLastName("Administrator");
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(userId, Roles.ADMIN);
        log.info("first administrator {} created in {}", userId, Roles.ADMIN);
    }
}
