package org.servicedesk.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo users and groups of the default profile, all with password {@code demo}. */
@Component
@ConditionalOnProperty(name = "servicedesk.demo.enabled", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "demo";

    record DemoGroup(String id, String name) {
    }

    record DemoUser(String id, String firstName, String lastName, String group) {
    }

    static final List<DemoGroup> GROUPS = List.of(
            new DemoGroup("camunda-admin", "Camunda administrators"),
            new DemoGroup("tier1", "Tier 1 agents"),
            new DemoGroup("tier2", "Tier 2 engineers"),
            new DemoGroup("tier3", "Tier 3 R&D"),
            new DemoGroup("supervisors", "Service supervisors"),
            new DemoGroup("managers", "Managers"),
            new DemoGroup("analysts", "Business analysts"),
            new DemoGroup("qa", "Quality inspectors"));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Admin", "Istrator", "camunda-admin"),
            new DemoUser("alice", "Alice", "Agent", "tier1"),
            new DemoUser("ben", "Ben", "Agent", "tier1"),
            new DemoUser("carol", "Carol", "Engineer", "tier2"),
            new DemoUser("dave", "Dave", "Developer", "tier3"),
            new DemoUser("sam", "Sam", "Supervisor", "supervisors"),
            new DemoUser("mia", "Mia", "Manager", "managers"),
            new DemoUser("ana", "Ana", "Analyst", "analysts"),
            new DemoUser("quinn", "Quinn", "Inspector", "qa"));

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identityService;

    DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoGroup demoGroup : GROUPS) {
            if (identityService.createGroupQuery().groupId(demoGroup.id()).count() == 0) {
                Group group = identityService.newGroup(demoGroup.id());
                group.setName(demoGroup.name());
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
            }
        }
        for (DemoUser demoUser : USERS) {
            if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
                User user = identityService.newUser(demoUser.id());
                user.setFirstName(demoUser.firstName());
                user.setLastName(demoUser.lastName());
                user.setEmail(demoUser.id() + "@servicedesk.example");
                user.setPassword(PASSWORD);
                identityService.saveUser(user);
                identityService.createMembership(demoUser.id(), demoUser.group());
                log.info("demo user {} ({}) created", demoUser.id(), demoUser.group());
            }
        }
    }
}
