package org.servicedesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.Node;

/**
 * R3 of the reliability suite ({@code ./mvnw -Preliability verify}): PostgreSQL itself restarted
 * ({@code pg_ctlcluster … restart}, as root on this machine) in the middle of intakes under load, the
 * clients sending each request again under its {@code Idempotency-Key}. The node is not restarted: it
 * must recover by itself (its pool replaces the broken connections, its job executor retries), lose no
 * acknowledged ticket, double none, and leave no job stuck: every acknowledgement done, no incident.
 * {@code -Dreliability.intakes} (10,000), {@code -Dreliability.clients} (8).
 */
class DatabaseRestartReliability {

    static final int INTAKES = Integer.getInteger("reliability.intakes", 10_000);

    static final int CLIENTS = Integer.getInteger("reliability.clients", 8);

    static final Duration BOUND = Duration.ofMinutes(Long.getLong("reliability.minutes", 30));

    static final String DATABASE = "servicedesk_reliability";

    Node node;

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void r3NoAcknowledgedTicketIsLostWhenPostgresRestartsAndTheNodeRecoversByItself() throws Exception {
        Node.freshDatabase(DATABASE);
        int port = Node.freePort();
        node = Node.start("node-r3", DATABASE, port, Map.of());
        RetryingClients.Run run = RetryingClients.run("r3", port, INTAKES, CLIENTS, true, BOUND,
                DatabaseRestartReliability::restartPostgres);

        Instant drained = Instant.now().plus(Duration.ofMinutes(5)); // a job failed by the restart retries after 1 min
        while (count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                + " where d.act_id_ = 'Task_AcknowledgeReceipt'") > 0 && Instant.now().isBefore(drained)) {
            Thread.sleep(500);
        }
        double jobsDoneAfter = Duration.between(drained.minus(Duration.ofMinutes(5)), Instant.now()).toMillis() / 1e3;
        Set<String> numbers = new HashSet<>(run.acknowledged().values());
        Set<String> stored = new HashSet<>();
        long rows;
        try (Connection connection = Node.connect(DATABASE); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select number from ticket")) {
            long n = 0;
            while (result.next()) {
                stored.add(result.getString(1));
                n++;
            }
            rows = n;
        }
        Set<String> lost = new HashSet<>(numbers);
        lost.removeAll(stored);
        long pending = count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                + " where d.act_id_ = 'Task_AcknowledgeReceipt'");
        long incidents = count("select count(*) from act_ru_incident");
        long receipts = count("select count(*) from notification where template = 'TICKET_RECEIVED'");
        boolean ready = node.ready();
        System.out.printf("%nRELIABILITY R3  %d intakes, %d clients: PostgreSQL restarted at %.1f s (%.1f s);"
                + " %d requests sent again; %.1f s in all%n"
                + "  acknowledged %d; tickets stored %d; lost %d; stored twice %d; acknowledgement jobs left %d"
                + " (waited %.1f s), receipts %d, incidents %d; node ready without a restart %s%n",
                INTAKES, CLIENTS, run.disruptedAt(), run.disruptionSeconds(), run.retries(), run.seconds(),
                run.acknowledged().size(), rows, lost.size(), rows - INTAKES, pending, jobsDoneAfter, receipts,
                incidents, ready);

        ReliabilityTable.row("R3", "%d intakes, %d clients, keys on".formatted(INTAKES, CLIENTS),
                "PostgreSQL restarted at %.0f s (%.1f s)".formatted(run.disruptedAt(), run.disruptionSeconds()),
                "acknowledged %d, stored %d, lost %d, doubled %d; jobs stuck %d, incidents %d; recovered by itself %s"
                        .formatted(run.acknowledged().size(), rows, lost.size(), rows - INTAKES, pending, incidents,
                                ready ? "yes" : "no"),
                run.acknowledged().size() == INTAKES && lost.isEmpty() && rows == INTAKES && pending == 0
                        && receipts == INTAKES && incidents == 0 && ready);
        assertThat(run.acknowledged()).as("intakes acknowledged within %s", BOUND).hasSize(INTAKES);
        assertThat(lost).as("acknowledged tickets missing").isEmpty();
        assertThat(rows).as("tickets stored (none doubled)").isEqualTo(INTAKES);
        assertThat(pending).as("acknowledgement jobs stuck").isZero();
        assertThat(receipts).as("receipt notices, one per ticket").isEqualTo(INTAKES);
        assertThat(incidents).as("incidents").isZero();
        assertThat(ready).as("the node ready again by itself").isTrue();
    }

    private static void restartPostgres() throws Exception {
        String version;
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            version = versions.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
        Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
                .inheritIO().start();
        assertThat(restart.waitFor(60, TimeUnit.SECONDS)).as("pg_ctlcluster restart ended").isTrue();
        assertThat(restart.exitValue()).as("pg_ctlcluster restart").isZero();
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = Node.connect(DATABASE); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
