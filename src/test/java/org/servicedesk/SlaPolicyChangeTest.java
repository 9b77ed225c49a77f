package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.sla.ClockKind;
import org.servicedesk.sla.SlaClock;
import org.servicedesk.sla.SlaClocks;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketRepository;
import org.servicedesk.ticket.ServiceLevels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;

/**
 * An analyst changes a target in sla-policy.dmn and deploys it: new tickets get the new
 * target, running ones keep the due dates they were given.
 */
@SpringBootTest
@ActiveProfiles("test")
class SlaPolicyChangeTest {

    static final Instant MONDAY_9AM = Instant.parse("2026-11-23T01:00:00Z");

    @Autowired TicketIntake intake;
    @Autowired ServiceLevels serviceLevels;
    @Autowired TicketRepository tickets;
    @Autowired SlaClocks clocks;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    Deployment changed;

    @AfterEach
    void undeploy() {
        ClockUtil.reset();
        if (changed != null) {
            repositoryService.deleteDeployment(changed.getId(), true);
        }
    }

    @Test
    void newTicketsGetTheChangedTargetRunningOnesKeepTheirs() throws Exception {
        TicketScenario scenario = new TicketScenario(runtimeService, taskService, managementService);
        TicketScenario.setClock(MONDAY_9AM);
        String running = intake.create(TicketScenario.newTicket(Category.COMPLAINT, Priority.P1)).getNumber();
        scenario.executeDueJobs();
        assertThat(resolution(running).getTarget()).isEqualTo("P2D");

        String policy = new String(new ClassPathResource("processes/sla-policy.dmn").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        String complaintsInOneDay = policy.replace("<text>\"P2D\"</text>", "<text>\"P1D\"</text>");
        assertThat(complaintsInOneDay).isNotEqualTo(policy);
        changed = repositoryService.createDeployment().name("analyst-change")
                .addInputStream("processes/sla-policy.dmn",
                        new ByteArrayInputStream(complaintsInOneDay.getBytes(StandardCharsets.UTF_8)))
                .deploy();

        TicketScenario.advance(Duration.ofMinutes(10));
        String fresh = intake.create(TicketScenario.newTicket(Category.COMPLAINT, Priority.P1)).getNumber();
        scenario.executeDueJobs();

        assertThat(resolution(fresh).getTarget()).isEqualTo("P1D");
        assertThat(resolution(running).getTarget()).isEqualTo("P2D");
        Ticket runningTicket = tickets.findByNumber(running).orElseThrow();
        // 48 working hours from Monday 09:00 on Mon-Fri 09:00-18:00: Mon..Fri 45 h + next Monday 3 h
        assertThat(serviceLevels.dueDates(runningTicket.getId()).resolution())
                .isEqualTo(Instant.parse("2026-11-30T04:00:00Z"));
        assertThat(serviceLevels.dueDates(tickets.findByNumber(fresh).orElseThrow().getId()).resolution())
                .isEqualTo(Instant.parse("2026-11-25T07:10:00Z"));
    }

    private SlaClock resolution(String number) {
        return clocks.latest(tickets.findByNumber(number).orElseThrow().getId(), ClockKind.RESOLUTION).orElseThrow();
    }
}
