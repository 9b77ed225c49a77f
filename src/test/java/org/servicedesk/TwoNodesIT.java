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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.servicedesk.sla.SlaClockProcess;
import org.servicedesk.ticket.TicketLifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;

/**
 * Two application nodes, each in a JVM of its own from the packaged jar, on one PostgreSQL
 * database, as docker-compose.yml runs them: tickets posted to both get distinct numbers; every
 * acknowledgement e-mail reaches the SMTP server (GreenMail, in this test) once although both
 * nodes' dispatchers poll the one outbox; an SLA timer of every ticket, made due at once, fires
 * once although both job executors race for it; the weekly processes start once; and a login made
 * on one node works on the other, also after the first is killed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    static final int TICKETS = 40;

    static final String DATABASE = "servicedesk_nodes";

    static GreenMail smtp;
    static Node a;
    static Node b;
    static final List<String> numbers = new ArrayList<>();

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void twoNodesOnOneDatabase() throws Exception {
        Node.freshDatabase(DATABASE);
        smtp = Node.smtpServer();
        Map<String, String> settings = Node.mailTo(smtp, "PT0.5S");
        // one after the other, as docker-compose.yml starts them: the first creates the schemas
        a = Node.start("node-a", DATABASE, settings);
        b = Node.start("node-b", DATABASE, settings);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Node node : new Node[] { a, b }) {
            if (node != null) {
                node.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void ticketsPostedToBothNodesAreNumberedOnceAndAcknowledgedOnce() throws Exception {
        for (int i = 0; i < TICKETS; i++) {
            Node node = i % 2 == 0 ? a : b;
            String body = """
                    {"customerName":"Node customer %d","email":"customer%d@example.test","channel":"WEB",
                     "category":"INQUIRY","priority":"P2","subject":"Two nodes %d","description":"Where is my order?"}
                    """.formatted(i, i, i);
            HttpResponse<String> answer = http.send(LoggedIn.as(HttpRequest.newBuilder(node.uri("/api/tickets")), "webchat")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            numbers.add(json.readTree(answer.body()).path("number").asText());
        }
        assertThat(new HashSet<>(numbers)).as("distinct ticket numbers").hasSize(TICKETS);

        await(Duration.ofSeconds(90), () -> smtp.getReceivedMessages().length >= TICKETS);
        Thread.sleep(3000); // time for a second copy, if a row were sent twice
        MimeMessage[] received = smtp.getReceivedMessages();
        Set<String> messageIds = new HashSet<>();
        for (MimeMessage message : received) {
            messageIds.add(message.getMessageID());
        }
        Map<String, Long> receipts = query("""
                select n.status || ' after ' || n.attempts || ' attempt(s)', count(*) from notification n
                  join ticket t on t.id = n.ticket_id where n.template = 'TICKET_RECEIVED' group by 1""");
        Map<String, Long> acknowledgedBy = query("""
                select l.hostname_, count(*) from act_hi_job_log l where l.act_id_ = ? and l.job_state_ = 2
                 group by 1""", TicketLifecycle.TASK_ACKNOWLEDGE_RECEIPT);
        System.out.printf("%nTWO NODES  %d tickets posted to node-a and node-b in turn: %d distinct numbers;"
                + " %d e-mails received, %d distinct Message-IDs; outbox %s; acknowledgement jobs run by %s%n",
                TICKETS, new HashSet<>(numbers).size(), received.length, messageIds.size(), receipts, acknowledgedBy);

        assertThat(received).as("acknowledgement e-mails received").hasSize(TICKETS);
        assertThat(messageIds).as("distinct Message-IDs").hasSize(TICKETS);
        assertThat(receipts).as("outbox rows").isEqualTo(Map.of("SENT after 1 attempt(s)", (long) TICKETS));
        assertThat(acknowledgedBy.values().stream().mapToLong(Long::longValue).sum())
                .as("acknowledgement jobs run").isEqualTo(TICKETS);
    }

    @Test
    @Order(2)
    void aTimerOfEveryTicketMadeDueAtOnceFiresOnceOnOneOfTheNodes() throws Exception {
        String timer = SlaClockProcess.BOUNDARY_SLA_WARNING_DUE;
        int moved = update("""
                update act_ru_job set duedate_ = current_timestamp where job_def_id_ in
                  (select id_ from act_ru_jobdef where act_id_ = ?) and process_instance_id_ in
                  (select proc_inst_id_ from act_ru_variable where name_ = 'slaClock' and text_ = 'ASSIGNMENT')""", timer);
        assertThat(moved).as("timers made due").isEqualTo(TICKETS);
        await(Duration.ofSeconds(60), () -> count("""
                select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
                 where d.act_id_ = ? and j.duedate_ <= current_timestamp""", timer) == 0);
        Thread.sleep(2000);

        Map<String, Long> firedBy = query("select hostname_, count(*) from act_hi_job_log where act_id_ = ?"
                + " and job_state_ = 2 group by 1", timer);
        long jobsRunTwice = count("select count(*) from (select job_id_ from act_hi_job_log where act_id_ = ?"
                + " and job_state_ = 2 group by job_id_ having count(*) > 1) twice", timer);
        long instancesFiredTwice = count("select count(*) from (select proc_inst_id_ from act_hi_actinst"
                + " where act_id_ = ? group by proc_inst_id_ having count(*) > 1) twice", timer);
        long fired = count("select count(*) from act_hi_actinst where act_id_ = ?", timer);
        long failures = count("select count(*) from act_hi_job_log where act_id_ = ? and job_state_ = 1", timer);
        System.out.printf("TWO NODES  %d SLA timers made due at once: fired %d, by %s; run twice %d; failed runs %d%n",
                moved, fired, firedBy, jobsRunTwice, failures);

        assertThat(fired).as("timers fired").isEqualTo(TICKETS);
        assertThat(jobsRunTwice).as("timer jobs run twice").isZero();
        assertThat(instancesFiredTwice).as("tickets whose timer fired twice").isZero();
        Set<String> nodesAtWork = new HashSet<>(firedBy.keySet());
        nodesAtWork.addAll(query("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by 1")
                .keySet());
        assertThat(nodesAtWork).as("nodes that ran jobs").contains("node-a", "node-b");
    }

    @Test
    @Order(3)
    void theWeeklyProcessesStartOnceWithTwoNodes() throws Exception {
        for (String process : List.of("WeeklyServiceReportProcess", "QualityInspectionProcess")) {
            String timerStart = "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                    + " where d.proc_def_key_ = ? and d.job_type_ = 'timer-start-event'";
            assertThat(count(timerStart, process)).as("%s: start timers, both nodes started", process).isEqualTo(1);
            update("update act_ru_job set duedate_ = current_timestamp where job_def_id_ in (select id_ from"
                    + " act_ru_jobdef where proc_def_key_ = ? and job_type_ = 'timer-start-event')", process);
            await(Duration.ofSeconds(60), () -> count("select count(*) from act_hi_procinst where proc_def_key_ = ?",
                    process) > 0 && count(timerStart + " and j.duedate_ > current_timestamp", process) == 1);
            Thread.sleep(2000);
            long started = count("select count(*) from act_hi_procinst where proc_def_key_ = ?", process);
            System.out.printf("TWO NODES  %s: its start timer made due: %d run started; start timers after it %d%n",
                    process, started, count(timerStart, process));
            assertThat(started).as("%s runs started", process).isEqualTo(1);
            assertThat(count(timerStart, process)).as("%s: the next start timer", process).isEqualTo(1);
        }
    }

    @Test
    @Order(4)
    void aLoginOnOneNodeWorksOnTheOtherAlsoAfterTheFirstIsKilled() throws Exception {
        String session = login(a, "alice");
        String ticket = "/api/tickets/" + numbers.get(0);
        assertThat(get(b, ticket, null).statusCode()).as("without the session").isEqualTo(401);
        assertThat(get(b, ticket, session).statusCode()).as("node-b, session of node-a").isEqualTo(200);

        a.kill();
        assertThat(get(b, ticket, session).statusCode()).as("node-b after node-a was killed").isEqualTo(200);
        System.out.printf("TWO NODES  a login made on node-a: accepted by node-b, also after node-a was killed%n");
    }

    private String login(Node node, String user) throws Exception {
        HttpResponse<String> page = get(node, "/login", null);
        String csrf = cookie(page, "SD-XSRF-TOKEN");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as("CSRF token on the login page").isTrue();
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(node.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + LoggedIn.PASSWORD
                        + "&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookie(loggedIn, "JSESSIONID");
    }

    private HttpResponse<String> get(Node node, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path))
                .header("Accept", path.startsWith("/login") ? "text/html" : "application/json");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .filter(c -> !c.startsWith(name + "=;")).reduce((first, last) -> last)
                .map(c -> c.substring(0, c.indexOf(';')))
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + response.headers().map()));
    }

    private static void await(Duration bound, BooleanSupplier condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(bound);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", bound).isBefore(giveUp);
            Thread.sleep(200);
        }
    }

    private static Map<String, Long> query(String sql, Object... parameters) {
        Map<String, Long> rows = new LinkedHashMap<>();
        run(sql, parameters, result -> {
            while (result.next()) {
                rows.put(result.getString(1), result.getLong(2));
            }
        });
        return rows;
    }

    private static long count(String sql, Object... parameters) {
        Map<String, Long> holder = new HashMap<>();
        run(sql, parameters, result -> {
            result.next();
            holder.put("n", result.getLong(1));
        });
        return holder.get("n");
    }

    private static int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = Node.connect(DATABASE); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    interface Rows {
        void read(ResultSet result) throws SQLException;
    }

    private static void run(String sql, Object[] parameters, Rows rows) {
        try (Connection connection = Node.connect(DATABASE); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                rows.read(result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
