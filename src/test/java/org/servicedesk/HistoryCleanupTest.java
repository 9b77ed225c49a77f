package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Confirmation;
import org.servicedesk.ticket.CustomerConfirmations;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's history of a ticket is removed 180 days (the lifecycle's historyTimeToLive) after the
 * ticket closed, by the engine's history cleanup; the ticket itself, the desk's record, stays.
 */
@SpringBootTest
@ActiveProfiles("test")
class HistoryCleanupTest {

    @Autowired TicketIntake intake;
    @Autowired CustomerConfirmations confirmations;
    @Autowired TicketRepository tickets;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aClosedTicketsEngineHistoryGoes180DaysAfterItClosedAndTheTicketStays() {
        TicketScenario scenario = new TicketScenario(runtimeService, taskService, managementService);
        String number = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2)).getNumber();
        intake.routeNow(number);
        scenario.resolveAtTier1(number, "Explained the export");
        confirmations.answer(number, new Confirmation(true, "fine"));

        HistoricProcessInstance closed = lifecycleHistory(number);
        assertThat(closed.getEndTime()).as("the lifecycle ended").isNotNull();
        assertThat(closed.getRemovalTime()).as("removal time: 180 days after the end")
                .isEqualTo(Date.from(closed.getEndTime().toInstant().plus(Duration.ofDays(180))));

        TicketScenario.advance(Duration.ofDays(179));
        cleanUp();
        assertThat(lifecycleHistory(number)).as("after 179 days").isNotNull();

        TicketScenario.advance(Duration.ofDays(2));
        cleanUp();
        assertThat(lifecycleHistory(number)).as("after 181 days").isNull();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(closed.getId()).count())
                .as("its activities").isZero();
        assertThat(tickets.findByNumber(number)).as("the ticket, the desk's record").isPresent();
    }

    private HistoricProcessInstance lifecycleHistory(String number) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(TicketLifecycle.PROCESS_ID)
                .processInstanceBusinessKey(number).singleResult();
    }

    /** The nightly cleanup job, run now (outside its window). */
    private void cleanUp() {
        Job cleanup = historyService.cleanUpHistoryAsync(true);
        managementService.executeJob(cleanup.getId());
    }
}
