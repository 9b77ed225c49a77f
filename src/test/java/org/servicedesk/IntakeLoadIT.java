package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Intake under load, as a channel integration posts on a busy morning: 16 clients, each posting
 * tickets one after the other (150 each in the suite, 2,000 each on demand) with the web chat's API key to {@code POST /api/tickets}, over
 * loopback HTTP, on PostgreSQL, with the job executor running. Every request must succeed with a
 * ticket number and its due dates; every ticket must exist once, with its process instance and its
 * three intake clocks, and then, once the job executor has run the acknowledgements, with one receipt
 * notice and one tier-1 task; no job may have failed. It prints tickets per second and the latency
 * percentiles; it asserts no timing. {@code -Dintake.load.clients=…} and {@code -Dintake.load.each=…}
 * change the counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "camunda.bpm.job-execution.enabled=true" })
@ActiveProfiles({ "postgres", "it" })
// its job executor runs: closed after this class, so it takes no job of the other tests (and frees its connections)
@DirtiesContext
class IntakeLoadIT {

    private static final int CLIENTS = Integer.getInteger("intake.load.clients", 16);

    /**
     * 150 in the suite (CI's time budget: 16 × 250 took over 4 minutes at the machine's slower hours); the
     * issue's full run is {@code -Dintake.load.each=2000}.
     */
    private static final int EACH = Integer.getInteger("intake.load.each", 150);

    /** The run gives up after this: on a desk that loses tickets or stalls, the test fails rather than hangs. */
    private static final Duration BOUND = Duration.ofMinutes(Long.getLong("intake.load.minutes", 10));

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired TicketIntake intake;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired ProcessEngineConfigurationImpl engineConfiguration;

    record Answer(int status, String number, boolean dueDates, long nanos, String error) {
    }

    private final OffsetDateTime testStarted = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);

    /**
     * The thousands of tickets of a run are not left to the later tests: their SLA timers would fall
     * due as soon as one of them moves the clock.
     */
    @AfterEach
    void deleteTheInstancesOfThisTest() {
        List<String> running = jdbc.queryForList("select proc_inst_id_ from act_hi_procinst where start_time_ >= ?"
                + " and end_time_ is null and super_process_instance_id_ is null", String.class, testStarted);
        JobExecutor jobExecutor = engineConfiguration.getJobExecutor();
        jobExecutor.shutdown(); // its runs of these instances' jobs would collide with their deletion
        try {
            waitForJobsRunning(); // the Spring job executor's shutdown stops acquiring, not the jobs it has
            for (int from = 0; from < running.size(); from += 200) {
                runtimeService.deleteProcessInstances(running.subList(from, Math.min(running.size(), from + 200)),
                        "load test over", true, true);
            }
        } finally {
            jobExecutor.start();
        }
    }

    private void waitForJobsRunning() {
        for (int i = 0; i < 300 && jdbc.queryForObject("select count(*) from act_ru_job where lock_owner_ is not null"
                + " and lock_exp_time_ > current_timestamp", Long.class) > 0; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void sixteenClientsAtOnceAndNoTicketFailsIsLostOrDoubled() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        Instant deadline = Instant.now().plus(BOUND);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger sequence = new AtomicInteger();
        List<Future<List<Answer>>> runs = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            runs.add(clients.submit(() -> {
                start.await();
                List<Answer> answers = new ArrayList<>(EACH);
                for (int i = 0; i < EACH && Instant.now().isBefore(deadline); i++) {
                    answers.add(post(http, sequence.incrementAndGet()));
                }
                return answers;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        List<Answer> answers = new ArrayList<>();
        for (Future<List<Answer>> run : runs) {
            answers.addAll(run.get());
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        clients.shutdown();

        long[] latencies = answers.stream().mapToLong(Answer::nanos).sorted().toArray();
        Map<String, Integer> failures = new TreeMap<>();
        answers.stream().filter(a -> a.status() != 201 || a.number() == null)
                .forEach(a -> failures.merge(a.status() + " " + a.error(), 1, Integer::sum));
        long withoutDueDates = answers.stream().filter(a -> a.status() == 201 && !a.dueDates()).count();
        System.out.printf("%nINTAKE LOAD  %d clients x %d intakes over loopback HTTP on PostgreSQL%n", CLIENTS, EACH);
        System.out.printf("  requests %d in %.1f s: %.1f tickets/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                answers.size(), seconds, answers.size() / seconds, percentile(latencies, 50), percentile(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
        System.out.printf("  failed requests %d %s; answers without due dates %d%n",
                failures.values().stream().mapToInt(Integer::intValue).sum(), failures, withoutDueDates);
        long pendingAtLastAnswer = acknowledgementsPending(before);
        double drained = waitForAcknowledgements(before, deadline);
        System.out.printf("  acknowledgement jobs pending at the last answer %d; all done %.1f s after it%n",
                pendingAtLastAnswer, drained);

        assertThat(answers).as("every request answered before the bound of %s", BOUND).hasSize(CLIENTS * EACH);
        assertThat(failures).as("failed requests").isEmpty();
        assertThat(withoutDueDates).as("answers without due dates").isZero();
        Set<String> numbers = new HashSet<>();
        answers.forEach(a -> numbers.add(a.number()));
        assertThat(numbers).as("distinct ticket numbers").hasSize(answers.size());

        // in the database: each ticket once, with its process instance and its three intake clocks
        List<String> stored = jdbc.queryForList("select number from ticket where created_at >= ?", String.class, before);
        assertThat(new HashSet<>(stored)).as("tickets stored are exactly the tickets answered").isEqualTo(numbers);
        assertThat(stored).as("no ticket stored twice").hasSameSizeAs(numbers);
        List<String> instances = jdbc.queryForList("select business_key_ from act_hi_procinst"
                + " where proc_def_key_ = 'TicketLifecycleProcess' and start_time_ >= ?", String.class, before);
        assertThat(new HashSet<>(instances)).as("a process instance per ticket").isEqualTo(numbers);
        assertThat(instances).as("one process instance per ticket").hasSameSizeAs(numbers);
        Map<String, Object> clocks = jdbc.queryForMap("""
                select count(*) as clocks, count(distinct c.ticket_id) as tickets
                  from sla_clock c join ticket t on t.id = c.ticket_id
                 where t.created_at >= ? and c.clock in ('ASSIGNMENT', 'RESPONSE', 'RESOLUTION')
                """, before);
        assertThat(((Number) clocks.get("tickets")).intValue()).as("tickets with clocks").isEqualTo(numbers.size());
        assertThat(((Number) clocks.get("clocks")).intValue()).as("three clocks each").isEqualTo(3 * numbers.size());
        // after the answer, by the job executor: the acknowledgement once and the tier-1 task once
        assertThat(acknowledgementsPending(before)).as("acknowledgement jobs left").isZero();
        Map<String, Object> clockInstances = jdbc.queryForMap("""
                select count(*) as instances, count(distinct business_key_) as tickets from act_hi_procinst
                 where proc_def_key_ = 'SlaClockProcess' and start_time_ >= ?
                """, before);
        assertThat(((Number) clockInstances.get("tickets")).intValue()).as("tickets with SLA clock instances")
                .isEqualTo(numbers.size());
        assertThat(((Number) clockInstances.get("instances")).intValue()).as("three SLA clock instances each")
                .isEqualTo(3 * numbers.size());
        assertThat(jdbc.queryForObject("""
                select count(*) from notification n join ticket t on t.id = n.ticket_id
                 where t.created_at >= ? and n.template = 'TICKET_RECEIVED'
                """, Long.class, before)).as("acknowledgements, one per ticket").isEqualTo(numbers.size());
        List<String> tier1 = jdbc.queryForList("select p.business_key_ from act_ru_task k join act_hi_procinst p"
                + " on p.id_ = k.proc_inst_id_ where p.start_time_ >= ? and k.task_def_key_ = ?", String.class, before,
                TicketLifecycle.TASK_HANDLE_TIER1);
        assertThat(new HashSet<>(tier1)).as("a tier-1 task per ticket").isEqualTo(numbers);
        assertThat(tier1).as("one tier-1 task per ticket").hasSameSizeAs(numbers);
        assertThat(jdbc.queryForList("select j.exception_msg_ from act_ru_job j join act_hi_procinst p"
                + " on p.id_ = j.process_instance_id_ where p.start_time_ >= ? and j.exception_msg_ is not null",
                String.class, before)).as("failed jobs").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_incident i join act_hi_procinst p"
                + " on p.id_ = i.proc_inst_id_ where p.start_time_ >= ?", Long.class, before)).as("incidents").isZero();
    }

    /**
     * The request and the job executor running the same customer lookup at the same moment (as on
     * main, where both did, and one failed on {@code uq_sla_clock}): one of them does it, the other
     * waits for the ticket's lock and then loses on the engine's optimistic lock, which is no error
     * of the ticket's; the clocks are started once and the customer is created once.
     */
    @Test
    void twoRunsOfOneLookupAtOnceStartTheClocksOnce() throws Exception {
        // the two runs here are the only ones: the job executor would be a third
        JobExecutor jobExecutor = engineConfiguration.getJobExecutor();
        jobExecutor.shutdown();
        try {
            raceTheLookupFiveTimes();
            deleteTheInstancesOfThisTest(); // before their acknowledgements are taken by the job executor
        } finally {
            jobExecutor.start();
        }
    }

    private void raceTheLookupFiveTimes() throws Exception {
        for (int round = 0; round < 5; round++) {
            Ticket ticket = intake.create(TicketScenario.newTicket(Category.REPAIR, Priority.P1));
            String instance = runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(ticket.getNumber()).singleResult().getId();
            Job lookup = managementService.createJobQuery().processInstanceId(instance)
                    .activityId(TicketLifecycle.TASK_LOOK_UP_CUSTOMER).singleResult();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService two = Executors.newFixedThreadPool(2);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(two.submit(() -> {
                    go.await();
                    managementService.executeJob(lookup.getId());
                    return null;
                }));
            }
            go.countDown();
            int succeeded = 0;
            for (Future<?> run : runs) {
                try {
                    run.get();
                    succeeded++;
                } catch (java.util.concurrent.ExecutionException e) {
                    // the loser: the job was done by the other run, nothing else
                    assertThat(e.getCause()).satisfiesAnyOf(
                            c -> assertThat(c).isInstanceOf(OptimisticLockingException.class),
                            c -> assertThat(c).hasMessageContaining("No job found"));
                }
            }
            two.shutdown();
            assertThat(succeeded).as("runs that did the lookup").isLessThanOrEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from sla_clock where ticket_id = ?", Long.class,
                    ticket.getId())).as("clocks of the ticket").isEqualTo(3L);
            assertThat(jdbc.queryForObject("select due_at from sla_clock where ticket_id = ? and clock = 'RESPONSE'",
                    OffsetDateTime.class, ticket.getId())).isNotNull();
            assertThat(jdbc.queryForObject("select count(*) from customer where phone_bidx = (select contact_phone_bidx"
                    + " from ticket where id = ?)", Long.class, ticket.getId())).as("customers created").isEqualTo(1L);
        }
    }

    private long acknowledgementsPending(OffsetDateTime since) {
        return jdbc.queryForObject("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                + " join act_hi_procinst p on p.id_ = j.process_instance_id_ where p.start_time_ >= ? and d.act_id_ = ?",
                Long.class, since,
                TicketLifecycle.TASK_ACKNOWLEDGE_RECEIPT);
    }

    /** Seconds until the job executor has run every acknowledgement (or the bound of the run is reached). */
    private double waitForAcknowledgements(OffsetDateTime since, Instant deadline) throws InterruptedException {
        long began = System.nanoTime();
        while (acknowledgementsPending(since) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        return (System.nanoTime() - began) / 1e9;
    }

    private Answer post(HttpClient http, int n) {
        String body = """
                {"customerName":"Load customer %d","phone":"1390%07d","channel":"WEB","category":"INQUIRY",
                 "priority":"P2","subject":"Load test %d","description":"Where is my order?"}
                """.formatted(n, n, n);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tickets"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-Api-Key", "demo-webchat-key").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - t0;
            if (response.statusCode() != 201) {
                String title = response.body().length() > 80 ? response.body().substring(0, 80) : response.body();
                return new Answer(response.statusCode(), null, false, nanos, title);
            }
            JsonNode created = json.readTree(response.body());
            return new Answer(201, created.path("number").asText(null),
                    !created.path("responseDueAt").isNull() && !created.path("resolutionDueAt").isNull()
                            && created.has("responseDueAt"),
                    nanos, "");
        } catch (Exception e) {
            return new Answer(0, null, false, System.nanoTime() - t0, e.getClass().getSimpleName());
        }
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
