package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.crm.FakeExternalCrm;
import org.servicedesk.ticket.TicketLifecycle;

/**
 * A node stopped as an orchestrator stops it (SIGTERM) while its job executor runs a job finishes
 * that job before it ends: a ticket's customer lookup, deferred to the job executor because the
 * external CRM was down, runs again while the CRM answers slowly; the node gets SIGTERM in the
 * middle of it. The lookup must complete, with its job gone and nothing left locked, rather than
 * being cut off and left to a lock that expires only a minute later (`lock-time-in-millis`).
 */
class GracefulShutdownIT {

    static final String DATABASE = "servicedesk_shutdown";

    /**
     * Each CRM call of the lookup (a search, then a create) takes this long: the job runs for about 14 s,
     * longer than the 10 s the connection pool waits for a borrowed connection when it closes, so that
     * only a job executor that waits for its jobs lets it finish.
     */
    static final long CRM_ANSWERS_AFTER_MILLIS = 7000;

    final FakeExternalCrm crm = new FakeExternalCrm();

    Node node;

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        crm.stop();
    }

    @Test
    void aNodeStoppedWhileItRunsAJobFinishesTheJobFirst() throws Exception {
        crm.start();
        Node.freshDatabase(DATABASE);
        Map<String, String> settings = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("servicedesk.crm.type", "http"),
                Map.entry("servicedesk.crm.http.base-url", crm.baseUrl()),
                Map.entry("servicedesk.crm.http.api-key-header", "X-API-Key"),
                Map.entry("servicedesk.crm.http.api-key", FakeExternalCrm.API_KEY),
                Map.entry("servicedesk.crm.http.read-timeout", "PT20S"),
                Map.entry("servicedesk.crm.http.fields.id", "customerId"),
                Map.entry("servicedesk.crm.http.fields.name", "fullName"),
                Map.entry("servicedesk.crm.http.fields.phone", "contact.mobile"),
                Map.entry("servicedesk.crm.http.fields.email", "contact.mail"),
                Map.entry("servicedesk.crm.http.fields.tier", "level")));
        // -Dgraceful.shutdown-phase=2s shows the test failing when the node does not wait for its jobs
        String phase = System.getProperty("graceful.shutdown-phase");
        if (phase != null) {
            settings.put("spring.lifecycle.timeout-per-shutdown-phase", phase);
        }
        node = Node.start("node-s", DATABASE, settings);

        crm.mode = FakeExternalCrm.Mode.FAIL_503;
        HttpResponse<String> answer = HttpClient.newHttpClient().send(LoggedIn.as(HttpRequest.newBuilder(
                node.uri("/api/tickets")), "webchat").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"customerName":"Shutdown customer","phone":"13900001234","channel":"WEB",
                         "category":"INQUIRY","priority":"P2","subject":"Stopped node","description":"Where is it?"}
                        """)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String lookup = single("select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                + " where d.act_id_ = ? and j.exception_msg_ is not null", TicketLifecycle.TASK_LOOK_UP_CUSTOMER);
        assertThat(lookup).as("the lookup, failed in the request, left to the job executor").isNotNull();

        crm.mode = FakeExternalCrm.Mode.SLOW;
        crm.slowMillis = CRM_ANSWERS_AFTER_MILLIS;
        int callsBefore = crm.requests.size();
        update("update act_ru_job set duedate_ = current_timestamp where id_ = ?", lookup);
        Instant giveUp = Instant.now().plusSeconds(30);
        while (crm.requests.size() == callsBefore) {
            assertThat(Instant.now()).as("the job executor calls the CRM").isBefore(giveUp);
            Thread.sleep(20);
        }

        long sigterm = System.nanoTime();
        int exit = node.stop(Duration.ofSeconds(90));
        double took = (System.nanoTime() - sigterm) / 1e9;

        long left = count("select count(*) from act_ru_job where id_ = ?", lookup);
        long succeeded = count("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2"
                + " and hostname_ = 'node-s'", lookup);
        long locked = count("select count(*) from act_ru_job where lock_owner_ is not null");
        System.out.printf("%nGRACEFUL SHUTDOWN  SIGTERM while the job executor ran a customer lookup (each CRM call"
                + " answered after %d ms): the node ended %.1f s later (exit %d); lookup completed %s, job left %d,"
                + " jobs left locked %d%n", CRM_ANSWERS_AFTER_MILLIS, took, exit, succeeded == 1, left, locked);

        assertThat(succeeded).as("the running lookup completed on the stopped node").isEqualTo(1);
        assertThat(left).as("the lookup's job left behind").isZero();
        assertThat(locked).as("jobs left locked by the stopped node").isZero();
        assertThat(took).as("seconds from SIGTERM to the end").isLessThan(60);
    }

    private static String single(String sql, Object... parameters) throws SQLException {
        try (Connection connection = Node.connect(DATABASE); PreparedStatement statement = prepare(connection, sql,
                parameters); ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        return Long.parseLong(single(sql, parameters));
    }

    private static void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = Node.connect(DATABASE); PreparedStatement statement = prepare(connection, sql,
                parameters)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
