package org.servicedesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.LoggedIn;
import org.servicedesk.Node;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;

/**
 * R2 of the reliability suite ({@code ./mvnw -Preliability verify}): the outbox dispatcher killed
 * (SIGKILL of its node) while it sends a backlog of customer e-mails to a real SMTP server (GreenMail,
 * in this test), and the node started again. Every customer message must arrive, each under its one
 * Message-ID: a message the killed node handed to the server but had not yet marked SENT is sent again
 * after {@code sending-timeout} (5 s here) with the same Message-ID, so the receiver's de-duplication
 * by Message-ID leaves exactly one; the copies are counted. {@code -Dreliability.messages} (1,000).
 */
class OutboxKillReliability {

    static final int MESSAGES = Integer.getInteger("reliability.messages", 1000);

    static final String DATABASE = "servicedesk_reliability";

    Node node;

    GreenMail smtp;

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void r2EachCustomerMessageArrivesOnceByMessageIdAfterTheDispatcherIsKilled() throws Exception {
        Node.freshDatabase(DATABASE);
        smtp = Node.smtpServer();
        Map<String, String> settings = Node.mailTo(smtp, "PT0.2S");
        settings.put("servicedesk.outbox.sending-timeout", "PT5S");
        int port = Node.freePort();
        // the backlog is queued while no node sends: the first node takes the tickets with its outbox asleep
        Map<String, String> queueOnly = new HashMap<>(settings);
        queueOnly.put("servicedesk.outbox.poll-interval", "PT1H");
        node = Node.start("node-r2", DATABASE, port, queueOnly);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < MESSAGES; i++) {
            HttpResponse<String> answer = http.send(LoggedIn.as(HttpRequest.newBuilder(node.uri("/api/tickets")),
                    "webchat").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                            {"customerName":"Mail customer %d","email":"mail%d@example.test","channel":"WEB",
                             "category":"INQUIRY","priority":"P2","subject":"R2 %d","description":"Where is it?"}
                            """.formatted(i, i, i))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        }
        await(Duration.ofMinutes(10), () -> count("select count(*) from notification where template = 'TICKET_RECEIVED'")
                == MESSAGES);
        node.stop(Duration.ofSeconds(60));

        node = Node.start("node-r2", DATABASE, port, settings);
        await(Duration.ofMinutes(5), () -> smtp.getReceivedMessages().length >= MESSAGES / 3);
        int receivedAtKill = smtp.getReceivedMessages().length;
        node.kill();
        long sendingAtKill = count("select count(*) from notification where status = 'SENDING'");
        node = Node.start("node-r2", DATABASE, port, settings);
        await(Duration.ofMinutes(10), () -> count("select count(*) from notification where template = 'TICKET_RECEIVED'"
                + " and status = 'SENT'") == MESSAGES);
        Thread.sleep(2000);

        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            copies.merge(message.getMessageID(), 1, Integer::sum);
        }
        Map<Integer, Integer> histogram = new TreeMap<>();
        copies.values().forEach(n -> histogram.merge(n, 1, Integer::sum));
        long notSent = count("select count(*) from notification where status <> 'SENT'");
        System.out.printf("%nRELIABILITY R2  %d customer e-mails; dispatcher's node killed (SIGKILL) after %d had"
                + " arrived, %d rows SENDING at that moment; after the restart: %d e-mails received, %d distinct"
                + " Message-IDs (copies per Message-ID: %s), rows not SENT %d%n", MESSAGES, receivedAtKill,
                sendingAtKill, smtp.getReceivedMessages().length, copies.size(), histogram, notSent);

        ReliabilityTable.row("R2", "%d customer e-mails to SMTP".formatted(MESSAGES),
                "dispatcher's node SIGKILLed after %d sent, %d rows SENDING".formatted(receivedAtKill, sendingAtKill),
                "received %d, distinct Message-IDs %d, copies per Message-ID %s, not sent %d".formatted(
                        smtp.getReceivedMessages().length, copies.size(), histogram, notSent),
                copies.size() == MESSAGES && notSent == 0);
        assertThat(copies).as("distinct Message-IDs received: every customer message arrived").hasSize(MESSAGES);
        assertThat(notSent).as("outbox rows not SENT").isZero();
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Duration bound, Condition condition) throws Exception {
        Instant giveUp = Instant.now().plus(bound);
        while (!condition.holds()) {
            assertThat(Instant.now()).as("waited %s", bound).isBefore(giveUp);
            Thread.sleep(100);
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
