package org.servicedesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.Node;

/**
 * R4 of the reliability suite ({@code ./mvnw -Preliability verify}): two nodes on one database and
 * {@code -Dreliability.timers} (10,000) SLA timers of real tickets made due at the same instant; both
 * job executors race for them. Each must fire exactly once (one successful run in the job log, none
 * twice), and the lateness of each (its run's end after the due instant) is printed: p50, p99, last.
 * The goal is all within 20 s; the test asserts exactly-once and that all fired
 * within the bound, not the goal.
 */
class TimersReliability {

    static final int TIMERS = Integer.getInteger("reliability.timers", 10_000);

    static final Duration BOUND = Duration.ofMinutes(Long.getLong("reliability.minutes", 30));

    static final String DATABASE = "servicedesk_reliability";

    Node a;
    Node b;

    @AfterEach
    void stop() throws Exception {
        for (Node node : new Node[] { a, b }) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void r4TenThousandTimersDueAtOnceOnTwoNodesEachFireOnce() throws Exception {
        Node.freshDatabase(DATABASE);
        a = Node.start("node-a", DATABASE, Map.of());
        b = Node.start("node-b", DATABASE, Map.of());

        // tickets (two clients per node) until their acknowledged tickets have enough SLA timers
        int tickets = 0;
        while (timers() < TIMERS) {
            int batch = Math.max(16, (int) ((TIMERS - timers()) / 6.0) + 1);
            RetryingClients.run("r4-" + tickets, a.port, batch / 2, 8, true, BOUND, () -> { });
            RetryingClients.run("r4b-" + tickets, b.port, batch - batch / 2, 8, true, BOUND, () -> { });
            tickets += batch;
            awaitAcknowledgements();
        }

        Instant due;
        List<String> ids = new ArrayList<>();
        try (Connection connection = Node.connect(DATABASE)) {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "select id_ from act_ru_job where type_ = 'timer' and handler_type_ = 'timer-transition'"
                            + " order by id_ limit " + TIMERS)) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            due = Instant.now().plusSeconds(5); // all at one instant a little ahead, as at a shift change
            try (PreparedStatement update = connection.prepareStatement(
                    "update act_ru_job set duedate_ = ? where id_ = any (?)")) {
                update.setTimestamp(1, Timestamp.from(due));
                update.setArray(2, connection.createArrayOf("varchar", ids.toArray()));
                assertThat(update.executeUpdate()).isEqualTo(TIMERS);
            }
        }

        Instant giveUp = Instant.now().plus(BOUND);
        while (fired(ids) < TIMERS && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
        }
        List<Long> lateness = new ArrayList<>();
        Map<String, Long> byNode = new TreeMap<>();
        long twice;
        try (Connection connection = Node.connect(DATABASE)) {
            try (PreparedStatement query = connection.prepareStatement("select min(timestamp_), count(*),"
                    + " min(hostname_) from act_hi_job_log where job_state_ = 2 and job_id_ = any (?) group by job_id_")) {
                query.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
                long n = 0;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        lateness.add(rows.getTimestamp(1).toInstant().toEpochMilli() - due.toEpochMilli());
                        if (rows.getLong(2) > 1) {
                            n++;
                        }
                        byNode.merge(rows.getString(3), 1L, Long::sum);
                    }
                }
                twice = n;
            }
        }
        lateness.sort(null);
        System.out.printf("%nRELIABILITY R4  %d SLA timers of %d tickets due at one instant, two nodes: fired %d"
                + " (by %s), twice %d; lateness p50 %.1f s, p99 %.1f s, last %.1f s%n", TIMERS, tickets,
                lateness.size(), byNode, twice, percentile(lateness, 50), percentile(lateness, 99),
                lateness.isEmpty() ? 0 : lateness.get(lateness.size() - 1) / 1e3);

        ReliabilityTable.row("R4", "%d SLA timers of %d tickets due at one instant".formatted(TIMERS, tickets),
                "two nodes racing for them", "fired %d (%s), twice %d; late p50 %.1f s, p99 %.1f s, last %.1f s"
                        .formatted(lateness.size(), byNode, twice, percentile(lateness, 50), percentile(lateness, 99),
                                lateness.isEmpty() ? 0 : lateness.get(lateness.size() - 1) / 1e3),
                lateness.size() == TIMERS && twice == 0);
        assertThat(lateness).as("timers fired within %s", BOUND).hasSize(TIMERS);
        assertThat(twice).as("timers fired twice").isZero();
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e3;
    }

    private void awaitAcknowledgements() throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(10));
        while (count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                + " where d.act_id_ = 'Task_AcknowledgeReceipt'") > 0 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
        }
    }

    private static long timers() throws Exception {
        return count("select count(*) from act_ru_job where type_ = 'timer' and handler_type_ = 'timer-transition'");
    }

    private static long fired(List<String> ids) throws Exception {
        try (Connection connection = Node.connect(DATABASE); PreparedStatement query = connection.prepareStatement(
                "select count(distinct job_id_) from act_hi_job_log where job_state_ = 2 and job_id_ = any (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = Node.connect(DATABASE); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
