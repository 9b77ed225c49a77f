package org.servicedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.TicketScenario;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLookup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** A staff member's in-app notifications: their own and their groups', newest first, each read on their own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InboxTest {

    static final String PASSWORD = "Inbox-Test-Passw0rd!";

    @Autowired TestRestTemplate http;
    @Autowired TicketIntake intake;
    @Autowired TicketLookup tickets;
    @Autowired Notifier notifier;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    @BeforeEach
    void staff() {
        member("inboxcarol", "tier2");
        member("inboxcora", "tier2");
        member("inboxsam", "supervisors");
    }

    @Test
    void escalationReachesTheNextTiersGroupAndTheAssigneeGetsTheirOwn() {
        TicketScenario scenario = new TicketScenario(runtimeService, taskService, managementService);
        String number = intake.create(TicketScenario.newTicket(Category.TECHNICAL_FAULT, Priority.P2)).getNumber();
        scenario.executeDueJobs();
        scenario.escalateFromTier1(number, "Needs logs");
        notifier.toUser(tickets.byNumber(number), "inbox-test", "inboxcarol", NotificationTemplate.SLA_WARNING,
                Map.of("clock", "resolution", "due", "17:00"));

        List<JsonNode> carol = inbox("inboxcarol", number);
        assertThat(carol).extracting(n -> n.path("template").asText()).containsExactly("SLA_WARNING", "ESCALATION");
        JsonNode escalation = carol.get(1);
        assertThat(escalation.path("recipientKind").asText()).isEqualTo("GROUP");
        assertThat(escalation.path("recipient").asText()).isEqualTo("tier2");
        assertThat(escalation.path("subject").asText()).isEqualTo("Escalated to tier 2: " + number);
        assertThat(escalation.path("body").asText()).contains("Needs logs");
        assertThat(escalation.has("readAt")).isFalse();

        List<JsonNode> cora = inbox("inboxcora", number);
        assertThat(cora).extracting(n -> n.path("template").asText()).containsExactly("ESCALATION");
        assertThat(inbox("inboxsam", number)).isEmpty();

        ResponseEntity<Void> read = as("inboxcarol").postForEntity("/api/notifications/{id}/read", null,
                Void.class, escalation.path("id").asLong());
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(inbox("inboxcarol", number).get(1).has("readAt")).isTrue();
        assertThat(inbox("inboxcora", number).get(0).has("readAt")).isFalse(); // each member reads for themselves

        ResponseEntity<String> notTheirs = as("inboxsam").postForEntity("/api/notifications/{id}/read", null,
                String.class, escalation.path("id").asLong());
        assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private List<JsonNode> inbox(String user, String number) {
        JsonNode all = as(user).getForObject("/api/notifications/inbox", JsonNode.class);
        java.util.ArrayList<JsonNode> forTicket = new java.util.ArrayList<>();
        all.forEach(n -> {
            if (number.equals(n.path("ticketNumber").asText())) {
                forTicket.add(n);
            }
        });
        return forTicket;
    }

    /** Each staff member reads their own inbox: the user is the one logged in, not a parameter. */
    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, PASSWORD);
    }

    private void member(String userId, String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            identity.saveGroup(identity.newGroup(groupId));
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            org.camunda.bpm.engine.identity.User user = identity.newUser(userId);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(userId, groupId);
        }
    }
}
