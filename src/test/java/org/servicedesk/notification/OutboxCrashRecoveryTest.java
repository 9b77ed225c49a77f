package org.servicedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.servicedesk.ServiceDeskApplication;
import org.servicedesk.TicketScenario;
import org.servicedesk.crm.Customer;
import org.servicedesk.crm.CustomerRepository;
import org.servicedesk.crm.CustomerTier;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Channel;
import org.servicedesk.ticket.NewTicket;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The application dies after queuing and before sending (and once in the middle of sending):
 * a new start on the same database sends every row, once.
 */
class OutboxCrashRecoveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3026, "127.0.0.1", "smtp"));

    final String database = "jdbc:h2:mem:crash-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void rowsQueuedBeforeACrashGoOutAfterTheRestart() throws Exception {
        String waiting = "waiting-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String midSend = "midsend-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Long waitingRow;
        Long midSendRow;
        try (ConfigurableApplicationContext first = start()) {
            waitingRow = receiptFor(first, waiting);
            midSendRow = receiptFor(first, midSend);
            // a dispatcher had taken this row and was sending it when the application died
            first.getBean(JdbcTemplate.class).update(
                    "update notification set status = 'SENDING', sending_since = ? where id = ?",
                    Timestamp.from(TicketScenario.now()), midSendRow);
        } // the application stops: nothing was sent
        assertThat(smtp.getReceivedMessages()).isEmpty();

        try (ConfigurableApplicationContext second = start()) {
            OutboxDispatcher dispatcher = second.getBean(OutboxDispatcher.class);
            NotificationRepository outbox = second.getBean(NotificationRepository.class);
            dispatcher.dispatchPending();
            assertThat(outbox.findById(waitingRow).orElseThrow().getStatus()).isEqualTo(NotificationStatus.SENT);
            assertThat(to(waiting)).hasSize(1);
            // the interrupted row waits for the sending timeout, in case its dispatcher is only slow
            assertThat(outbox.findById(midSendRow).orElseThrow().getStatus()).isEqualTo(NotificationStatus.SENDING);
            assertThat(to(midSend)).isEmpty();

            TicketScenario.advance(Duration.ofMinutes(5).plusSeconds(1));
            dispatcher.dispatchPending();
            dispatcher.dispatchPending();
            assertThat(outbox.findById(midSendRow).orElseThrow().getStatus()).isEqualTo(NotificationStatus.SENT);
            List<MimeMessage> resent = to(midSend);
            assertThat(resent).hasSize(1);
            assertThat(resent.get(0).getMessageID()).isEqualTo("<outbox-" + midSendRow + "@servicedesk>");
            assertThat(to(waiting)).hasSize(1);
        }
    }

    private ConfigurableApplicationContext start() {
        // arguments, so that they win over application-test.yml
        return new SpringApplicationBuilder(ServiceDeskApplication.class).profiles("test")
                .run("--spring.datasource.url=" + database, "--server.port=0", "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=3026");
    }

    private static Long receiptFor(ConfigurableApplicationContext context, String email) {
        Customer customer = context.getBean(CustomerRepository.class).save(new Customer("Test Customer", null, email,
                CustomerTier.STANDARD, "Retail", "en", "EMAIL", TicketScenario.now()));
        String number = context.getBean(TicketIntake.class).create(new NewTicket(customer.getId(), "Test Customer",
                null, email, Channel.WEB, Category.INQUIRY, Priority.P2, "Printer does not print",
                "Paper jams on every page.", "P100", null)).getNumber();
        new TicketScenario(context.getBean(RuntimeService.class), context.getBean(TaskService.class),
                context.getBean(ManagementService.class)).executeDueJobs();
        return context.getBean(NotificationRepository.class).findAll().stream()
                .filter(n -> n.getDedupeKey().equals(number + ":received:TICKET_RECEIVED:CUSTOMER"))
                .findFirst().orElseThrow().getId();
    }

    private static List<MimeMessage> to(String address) {
        return EmailNotificationTest.receivedBy(smtp.getReceivedMessages(), address, "We received your request");
    }
}
