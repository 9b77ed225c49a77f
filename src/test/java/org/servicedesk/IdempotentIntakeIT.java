package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client whose request timed out sends it again while the first is still being saved: on
 * PostgreSQL, over HTTP, eight copies of one request under one {@code Idempotency-Key} at the same
 * moment, twenty times. Each time one ticket is made, and all eight are answered with its number and
 * its due dates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "postgres", "it" })
class IdempotentIntakeIT {

    private static final int ROUNDS = 20;

    private static final int COPIES = 8;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired RuntimeService runtimeService;

    private final OffsetDateTime testStarted = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);

    record Answer(int status, String number, boolean dueDates) {
    }

    /** Their jobs are not left to later tests that move the clock. */
    @AfterEach
    void deleteTheInstancesOfThisTest() {
        List<String> running = jdbc.queryForList("select proc_inst_id_ from act_hi_procinst where start_time_ >= ?"
                + " and end_time_ is null and super_process_instance_id_ is null", String.class, testStarted);
        if (!running.isEmpty()) {
            runtimeService.deleteProcessInstances(running, "test over", true, true);
        }
    }

    @Test
    void copiesOfOneRequestAtOnceMakeOneTicketAndAllAreAnsweredWithIt() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clients = Executors.newFixedThreadPool(COPIES);
        List<String> numbers = new ArrayList<>();
        int answersWithoutDueDates = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String key = UUID.randomUUID().toString();
                String body = """
                        {"customerName":"Retrying customer %d","phone":"1370%07d","channel":"WEB","category":"INQUIRY",
                         "priority":"P2","subject":"Retried request %d","description":"Sent again after a time-out."}
                        """.formatted(round, round, round);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Answer>> copies = new ArrayList<>();
                for (int c = 0; c < COPIES; c++) {
                    copies.add(clients.submit(() -> {
                        go.await();
                        return post(http, key, body);
                    }));
                }
                go.countDown();
                List<Answer> answers = new ArrayList<>();
                for (Future<Answer> copy : copies) {
                    answers.add(copy.get());
                }
                assertThat(answers).as("round %d: every copy answered 201", round)
                        .extracting(Answer::status).containsOnly(201);
                assertThat(answers).as("round %d: one ticket number", round)
                        .extracting(Answer::number).containsOnly(answers.get(0).number());
                answersWithoutDueDates += (int) answers.stream().filter(a -> !a.dueDates()).count();
                numbers.add(answers.get(0).number());
            }
        } finally {
            clients.shutdown();
        }
        System.out.printf("%nIDEMPOTENT INTAKE  %d rounds x %d copies at once: %d tickets, %d answers without due dates%n",
                ROUNDS, COPIES, jdbc.queryForObject("select count(*) from ticket where created_at >= ?", Long.class,
                        testStarted), answersWithoutDueDates);

        assertThat(answersWithoutDueDates).as("answers without due dates").isZero();
        assertThat(jdbc.queryForList("select number from ticket where created_at >= ?", String.class, testStarted))
                .as("one ticket per request, however many copies").containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(jdbc.queryForList("select business_key_ from act_hi_procinst where proc_def_key_ ="
                + " 'TicketLifecycleProcess' and start_time_ >= ?", String.class, testStarted))
                .as("one process instance per ticket").containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where created_at >= ?", Long.class,
                testStarted)).as("keys recorded").isEqualTo(ROUNDS);
    }

    private Answer post(HttpClient http, String key, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tickets"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header(LoggedIn.API_KEY_HEADER, LoggedIn.CHANNEL_KEY).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            return new Answer(response.statusCode(), response.body(), false);
        }
        JsonNode created = json.readTree(response.body());
        return new Answer(201, created.path("number").asText(null),
                created.hasNonNull("responseDueAt") && created.hasNonNull("resolutionDueAt"));
    }
}
