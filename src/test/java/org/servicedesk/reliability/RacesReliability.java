package org.servicedesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.LoggedIn;
import org.servicedesk.TicketScenario;
import org.servicedesk.notification.NotificationRepository;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * R6 of the reliability suite ({@code ./mvnw -Preliability verify}): many requests at the same moment
 * for the one thing only one of them can have, over loopback HTTP on PostgreSQL. Tier-1 agents
 * claiming the same task through engine REST, as two Tasklists do; a customer's confirmation link
 * sent several times at once (a double click, a mail client's link preview and the click). In each
 * race exactly one wins; the others are refused with a 4xx that says so (409, or 410 for a link
 * already used), never a 500. {@code -Dreliability.races} rounds of each (1,000),
 * {@code -Dreliability.racers} requests per round (4).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "postgres", "it" })
class RacesReliability {

    static final int ROUNDS = Integer.getInteger("reliability.races", 1000);

    static final int RACERS = Integer.getInteger("reliability.racers", 4);

    static final ExecutorService RACERS_POOL = Executors.newFixedThreadPool(RACERS);

    static final String[] TIER1 = { "alice", "ben" };

    @LocalServerPort int port;
    @Autowired TicketIntake intake;
    @Autowired TicketRepository tickets;
    @Autowired NotificationRepository notifications;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    final HttpClient http = HttpClient.newHttpClient();

    TicketScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new TicketScenario(runtimeService, taskService, managementService);
    }

    @AfterAll
    static void stopRacers() {
        RACERS_POOL.shutdown();
    }

    @Test
    void r6OneAgentWinsEachTaskTheOthersAreTold() throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        int roundsWithOneWinner = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String number = routedTicket();
            String task = scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER1).getId();
            List<Integer> statuses = race(i -> LoggedIn.as(HttpRequest.newBuilder(uri("/engine-rest/task/" + task
                    + "/claim")), TIER1[i % 2]).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + TIER1[i % 2] + "\"}")).build());
            statuses.forEach(s -> outcomes.merge(String.valueOf(s), 1, Integer::sum));
            // a claim by the user who already has the task succeeds again: the winners are users, not requests
            java.util.Set<String> winners = new java.util.HashSet<>();
            for (int i = 0; i < statuses.size(); i++) {
                if (statuses.get(i) == 204) {
                    winners.add(TIER1[i % 2]);
                }
            }
            String assignee = taskService.createTaskQuery().taskId(task).singleResult().getAssignee();
            if (winners.size() == 1 && winners.contains(assignee)) {
                roundsWithOneWinner++;
            }
        }
        System.out.printf("%nRELIABILITY R6  %d races of %d tier-1 claims of one task (engine REST): answers %s;"
                + " rounds with exactly one winner %d%n", ROUNDS, RACERS, outcomes, roundsWithOneWinner);
        ReliabilityTable.row("R6", "%d rounds of %d claims of one task (engine REST)".formatted(ROUNDS, RACERS),
                "all at the same moment", "answers %s; rounds with one winner %d".formatted(outcomes,
                        roundsWithOneWinner), roundsWithOneWinner == ROUNDS && outcomes.keySet().equals(
                                java.util.Set.of("204", "409")));
        assertThat(roundsWithOneWinner).as("rounds with exactly one winner").isEqualTo(ROUNDS);
        assertThat(outcomes.keySet()).as("answers").containsOnly("204", "409");
    }

    @Test
    void r6OneAnswerOfEachConfirmationLinkCountsTheOthersAreTold() throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        int roundsWithOneWinner = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String number = routedTicket();
            scenario.resolveAtTier1(number, "Clean the paper path");
            String token = token(number);
            List<Integer> statuses = race(i -> HttpRequest.newBuilder(uri("/api/confirmations/" + token))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"accepted\": true}")).build());
            statuses.forEach(s -> outcomes.merge(String.valueOf(s), 1, Integer::sum));
            if (statuses.stream().filter(s -> s == 200).count() == 1) {
                roundsWithOneWinner++;
            }
        }
        System.out.printf("RELIABILITY R6  %d races of %d answers to one confirmation link: answers %s;"
                + " rounds with exactly one winner %d%n", ROUNDS, RACERS, outcomes, roundsWithOneWinner);
        ReliabilityTable.row("R6", "%d rounds of %d answers to one confirmation link".formatted(ROUNDS, RACERS),
                "all at the same moment", "answers %s; rounds with one winner %d".formatted(outcomes,
                        roundsWithOneWinner), roundsWithOneWinner == ROUNDS
                        && java.util.Set.of("200", "409", "410").containsAll(outcomes.keySet()));
        assertThat(roundsWithOneWinner).as("rounds with exactly one winner").isEqualTo(ROUNDS);
        assertThat(outcomes.keySet()).as("answers").isSubsetOf("200", "409", "410");
    }

    interface Request {
        HttpRequest of(int racer);
    }

    /** The racers' requests, let go at the same moment; their statuses (0: no answer). */
    private List<Integer> race(Request request) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            int racer = i;
            answers.add(RACERS_POOL.submit(() -> {
                HttpRequest prepared = request.of(racer);
                go.await();
                try {
                    return http.send(prepared, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (java.io.IOException e) {
                    return 0;
                }
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        return statuses;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String routedTicket() {
        String number = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2)).getNumber();
        intake.routeNow(number);
        return number;
    }

    private String token(String number) {
        String link = notifications.findByTicketIdOrderByIdAsc(tickets.findByNumber(number).orElseThrow().getId())
                .stream().filter(n -> n.getTemplate() == NotificationTemplate.SOLUTION_TO_CONFIRM)
                .reduce((first, second) -> second).orElseThrow().getLink();
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
