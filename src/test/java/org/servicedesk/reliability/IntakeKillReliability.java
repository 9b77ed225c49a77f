package org.servicedesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.Node;

/**
 * R1 of the reliability suite ({@code ./mvnw -Preliability verify}): intakes under load, the node
 * killed with SIGKILL in the middle of the run and started again, the clients sending each request
 * again under its {@code Idempotency-Key} until it is answered, as a channel integration does. Every
 * acknowledged ticket must be in the database, none twice, each with its process instance.
 * {@code -Dreliability.intakes} (10,000), {@code -Dreliability.clients} (8);
 * {@code -Dreliability.without-idempotency-keys=true} sends no key, and then the requests that the
 * killed node had committed but not answered come back as duplicates, and the test fails.
 */
class IntakeKillReliability {

    static final int INTAKES = Integer.getInteger("reliability.intakes", 10_000);

    static final int CLIENTS = Integer.getInteger("reliability.clients", 8);

    static final boolean KEYS = !Boolean.getBoolean("reliability.without-idempotency-keys");

    static final Duration BOUND = Duration.ofMinutes(Long.getLong("reliability.minutes", 30));

    static final String DATABASE = "servicedesk_reliability";

    volatile Node node;

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void r1EveryAcknowledgedTicketSurvivesAKilledNodeAndNoneIsDoubled() throws Exception {
        Node.freshDatabase(DATABASE);
        int port = Node.freePort();
        node = Node.start("node-r1", DATABASE, port, Map.of());
        RetryingClients.Run run = RetryingClients.run("r1", port, INTAKES, CLIENTS, KEYS, BOUND, () -> {
            node.kill();
            node = Node.start("node-r1", DATABASE, port, Map.of());
        });
        Map<Integer, String> acknowledged = run.acknowledged();
        Set<String> numbers = new HashSet<>(acknowledged.values());
        long stored;
        Set<String> storedNumbers = new HashSet<>();
        long instances;
        try (Connection connection = Node.connect(DATABASE); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select number from ticket")) {
                long n = 0;
                while (rows.next()) {
                    storedNumbers.add(rows.getString(1));
                    n++;
                }
                stored = n;
            }
            try (ResultSet rows = statement.executeQuery("select count(*) from act_hi_procinst"
                    + " where proc_def_key_ = 'TicketLifecycleProcess'")) {
                rows.next();
                instances = rows.getLong(1);
            }
        }
        Set<String> lost = new HashSet<>(numbers);
        lost.removeAll(storedNumbers);
        System.out.printf("%nRELIABILITY R1  %d intakes, %d clients, idempotency keys %s: node killed (SIGKILL) at %.1f s,"
                + " ready again %.1f s later; %d requests sent again; %.1f s in all%n"
                + "  acknowledged %d (distinct numbers %d); tickets stored %d, process instances %d;"
                + " acknowledged but lost %d; stored twice %d%n",
                INTAKES, CLIENTS, KEYS ? "on" : "OFF", run.disruptedAt(), run.disruptionSeconds(), run.retries(),
                run.seconds(),
                acknowledged.size(), numbers.size(), stored, instances, lost.size(), stored - INTAKES);

        ReliabilityTable.row("R1", "%d intakes, %d clients, keys %s".formatted(INTAKES, CLIENTS, KEYS ? "on" : "off"),
                "node SIGKILLed at %.0f s, ready %.0f s later".formatted(run.disruptedAt(), run.disruptionSeconds()),
                "acknowledged %d, stored %d, lost %d, doubled %d, %d retries".formatted(acknowledged.size(), stored,
                        lost.size(), stored - INTAKES, run.retries()),
                acknowledged.size() == INTAKES && lost.isEmpty() && stored == INTAKES && instances == INTAKES);
        assertThat(acknowledged).as("intakes acknowledged within %s", BOUND).hasSize(INTAKES);
        assertThat(numbers).as("distinct ticket numbers acknowledged").hasSize(INTAKES);
        assertThat(lost).as("acknowledged tickets missing from the database").isEmpty();
        assertThat(stored).as("tickets stored (one per intake: none doubled by a retry)").isEqualTo(INTAKES);
        assertThat(instances).as("process instances, one per ticket").isEqualTo(INTAKES);
    }
}
