package org.servicedesk.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.servicedesk.engine.EngineUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo users of the default profile, all with password {@code demo}; their groups come from AccessPolicy. */
@Component
@ConditionalOnProperty(name = "servicedesk.demo.users", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "demo";

    record DemoUser(String id, String firstName, String lastName, String group) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Admin", "Istrator", "camunda-admin"),
            new DemoUser("alice", "Alice", "Agent", "tier1"),
            new DemoUser("ben", "Ben", "Agent", "tier1"),
            new DemoUser("carol", "Carol", "Engineer", "tier2"),
            new DemoUser("dave", "Dave", "Developer", "tier3"),
            new DemoUser("sam", "Sam", "Supervisor", "supervisors"),
            new DemoUser("mia", "Mia", "Manager", "managers"),
            new DemoUser("ana", "Ana", "Analyst", "analysts"),
            new DemoUser("quinn", "Quinn", "Inspector", "qa"),
            new DemoUser("webchat", "Web chat", "Integration", "channels"));

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identityService;

    private final ProcessEngineConfiguration engineConfiguration;

    DemoUsers(IdentityService identityService, ProcessEngineConfiguration engineConfiguration) {
        this.identityService = identityService;
        this.engineConfiguration = engineConfiguration;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoUser demoUser : USERS) {
            if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
                User user = identityService.newUser(demoUser.id());
                user.setFirstName(demoUser.firstName());
                user.setLastName(demoUser.lastName());
                user.setEmail(demoUser.id() + "@servicedesk.example");
                user.setPassword(PASSWORD);
                // "demo" fails the password policy on purpose: demo users are for trying the desk out only
                EngineUsers.saveIgnoringPasswordPolicy(engineConfiguration, user);
                identityService.createMembership(demoUser.id(), demoUser.group());
                log.info("demo user {} ({}) created", demoUser.id(), demoUser.group());
            }
        }
    }
}
