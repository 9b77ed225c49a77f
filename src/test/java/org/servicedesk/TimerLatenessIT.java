package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.sla.SlaClockProcess;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * An SLA timer on an idle node fires on time: one of a ticket's SLA timers is made due 20 s later, and
 * the node has nothing else to do until then (Camunda's default acquisition, finding nothing, sleeps
 * 5, 10, then 20 s at a time); it must have fired within 2 s of its due time. Three
 * rounds, on PostgreSQL, with the job executor running; the lateness is printed. This waits in real
 * time on purpose: it measures the job executor, not the process.
 */
@SpringBootTest(properties = { "camunda.bpm.job-execution.enabled=true" })
@ActiveProfiles({ "postgres", "it" })
@DirtiesContext // its job executor must not take the jobs of the other tests
class TimerLatenessIT {

    private static final Duration IDLE = Duration.ofSeconds(Long.getLong("timer.lateness.idle-seconds", 3));

    /** How far ahead the timer is moved: long enough for an idle acquisition to back off several times. */
    private static final Duration AHEAD = Duration.ofSeconds(20);

    @Autowired TicketIntake intake;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired JdbcTemplate jdbc;
    @Autowired MeterRegistry metrics;

    private String instance;

    private String number;

    @AfterEach
    void deleteTheTicketsInstance() {
        if (number != null) { // the lifecycle and its clocks
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).list()
                    .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test over", true, true));
        }
    }

    @Test
    void anIsolatedTimerOnAnIdleNodeFiresWithinTwoSecondsOfItsDueTime() throws Exception {
        number = intake.create(TicketScenario.newTicket(Category.REPAIR, Priority.P2)).getNumber();
        intake.routeNow(number);
        // the ticket's SLA timers run in its SLA clock instances; the resolution clock has three ahead
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (clockInstance(number) == null && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
        }
        instance = clockInstance(number).getId();

        List<Long> lateness = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Thread.sleep(IDLE.toMillis()); // nothing due anywhere: the job executor idles
            Job timer = managementService.createJobQuery().processInstanceId(instance).timers()
                    .duedateHigherThan(new Date()).orderByJobDuedate().asc().listPage(0, 1).get(0);
            Instant due = Instant.now().plus(AHEAD);
            managementService.setJobDuedate(timer.getId(), Date.from(due));
            HistoricJobLog fired = awaitSuccess(timer.getId(), due.plus(Duration.ofSeconds(90)));
            assertThat(fired).as("round %d: the timer fired", round).isNotNull();
            lateness.add(fired.getTimestamp().getTime() - due.toEpochMilli());
        }
        System.out.printf("%nTIMER LATENESS  isolated SLA timer due %d s after it was set, on an idle node, 3 rounds:"
                + " %s ms after the due time%n", AHEAD.toSeconds(), lateness);
        assertThat(lateness).as("ms after the due time").allSatisfy(ms -> assertThat(ms).isBetween(0L, 2000L));
        // a node with a job executor shows its pool (docs/operators.md#health-and-metrics)
        assertThat(metrics.find("executor.completed").tag("name", "jobExecutor").functionCounter()).isNotNull();
    }

    private org.camunda.bpm.engine.runtime.ProcessInstance clockInstance(String number) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(SlaClockProcess.PROCESS_ID)
                .processInstanceBusinessKey(number).variableValueEquals(SlaClockProcess.VAR_SLA_CLOCK, "RESOLUTION")
                .singleResult();
    }

    private HistoricJobLog awaitSuccess(String jobId, Instant giveUp) throws InterruptedException {
        while (Instant.now().isBefore(giveUp)) {
            HistoricJobLog success = historyService.createHistoricJobLogQuery().jobId(jobId).successLog()
                    .singleResult();
            if (success != null) {
                return success;
            }
            Thread.sleep(50);
        }
        return null;
    }
}
