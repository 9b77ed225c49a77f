package org.servicedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.servicedesk.TicketScenario;
import org.servicedesk.crm.Customer;
import org.servicedesk.crm.CustomerRepository;
import org.servicedesk.crm.CustomerTier;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Channel;
import org.servicedesk.ticket.NewTicket;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketMilestone;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/** E-mail notifications go to a real SMTP server (GreenMail): once per event, in the customer's language. */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        "servicedesk.notification.mail.from=desk@servicedesk.test" })
@ActiveProfiles("test")
@Import(EmailNotificationTest.FailOnClose.class)
class EmailNotificationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final Instant MONDAY_9AM = Instant.parse("2026-03-02T01:00:00Z");

    @Autowired TicketIntake intake;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired NotificationRepository outbox;
    @Autowired CustomerRepository customers;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired FailOnClose failOnClose;

    TicketScenario scenario;

    /** Fails the transaction that closes the armed ticket, once: a step after the outbox row was written. */
    @TestConfiguration
    static class FailOnClose {

        final AtomicLong armedTicketId = new AtomicLong(-1);

        @EventListener
        void on(TicketMilestone milestone) {
            if (milestone.kind() == TicketMilestone.Kind.CLOSED
                    && armedTicketId.compareAndSet(milestone.ticketId(), -1)) {
                throw new IllegalStateException("simulated failure after the notification was queued");
            }
        }
    }

    @BeforeEach
    void setUp() {
        scenario = new TicketScenario(runtimeService, taskService, managementService);
        TicketScenario.setClock(MONDAY_9AM);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aRetriedJobQueuesAndSendsTheEmailOnce() throws Exception {
        String email = unique("retry") + "@example.com";
        String number = ticketOf(customer(email, "en"));
        scenario.escalateFromTier1(number, "Needs an engineer");
        scenario.askCustomer(number, TicketLifecycle.TASK_HANDLE_TIER2, "carol", "When can we visit?");
        failOnClose.armedTicketId.set(ticketId(number));

        // the no-reply timer job queues CLOSED_NO_REPLY, then fails while closing: all rolled back
        TicketScenario.advance(Duration.ofDays(7));
        assertThatThrownBy(scenario::executeDueJobs).hasStackTraceContaining("simulated failure");
        Job failed = managementService.createJobQuery().processInstanceId(scenario.lifecycle(number).getId())
                .withException().singleResult();
        assertThat(failed.getRetries()).isPositive();
        assertThat(rows(number, NotificationTemplate.CLOSED_NO_REPLY)).isEmpty();

        // the engine retries the job a minute later; now it goes through
        TicketScenario.advance(Duration.ofMinutes(1));
        scenario.executeDueJobs();
        assertThat(scenario.lifecycle(number)).isNull();
        List<Notification> closed = rows(number, NotificationTemplate.CLOSED_NO_REPLY);
        assertThat(closed).hasSize(1);

        dispatchUntilDone(closed.get(0));
        dispatcher.dispatchPending();

        List<MimeMessage> received = receivedBy(email, "was closed");
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("Your request " + number + " was closed");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("desk@servicedesk.test");
        assertThat(mail.getMessageID()).isEqualTo("<outbox-" + closed.get(0).getId() + "@servicedesk>");
        Notification sent = outbox.findById(closed.get(0).getId()).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(sent.getMessageId()).isEqualTo(mail.getMessageID());
    }

    @Test
    void aChineseCustomerGetsTheSolutionInChineseWithConfirmAndRejectLinks() throws Exception {
        String email = unique("zh") + "@example.cn";
        String number = ticketOf(customer(email, "zh"));
        scenario.resolveAtTier1(number, "请更换打印机的进纸辊。");
        Notification solution = rows(number, NotificationTemplate.SOLUTION_TO_CONFIRM).get(0);
        dispatchUntilDone(solution);

        List<MimeMessage> received = receivedBy(email, "解决方案");
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("您的请求 " + number + " 的解决方案");
        assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
        String link = solution.getLink();
        assertThat(link).matches("http://localhost:8080/customer/confirmations/[A-Za-z0-9_-]{43}");
        assertThat((String) mail.getContent()).contains("请更换打印机的进纸辊。")
                .contains(link + "?accepted=true").contains(link + "?accepted=false");
    }

    @Test
    void aFailedSendIsRetriedAfterTheBackOffAndDeliveredOnce() throws Exception {
        String email = unique("down") + "@example.com";
        String number = ticketOf(customer(email, "en"));
        Notification receipt = rows(number, NotificationTemplate.TICKET_RECEIVED).get(0);

        smtp.stop();
        try {
            dispatchUntilAttempted(receipt, 1);
        } finally {
            smtp.start();
        }
        Notification failed = outbox.findById(receipt.getId()).orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(NotificationStatus.PENDING);
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getLastError()).isNotBlank().doesNotContain(email);
        assertThat(failed.getNextAttemptAt()).isBetween(TicketScenario.now().plusSeconds(25),
                TicketScenario.now().plusSeconds(31)); // initial back-off

        dispatcher.dispatchPending(); // still backing off
        assertThat(outbox.findById(receipt.getId()).orElseThrow().getAttempts()).isEqualTo(1);
        assertThat(receivedBy(email, number)).isEmpty();

        TicketScenario.advance(Duration.ofSeconds(30));
        dispatchUntilDone(receipt);
        dispatcher.dispatchPending();
        assertThat(receivedBy(email, number)).hasSize(1);
        Notification sent = outbox.findById(receipt.getId()).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(2);
        assertThat(sent.getLastError()).isNull();
    }

    private Customer customer(String email, String language) {
        return customers.save(new Customer("Test Customer", null, email, CustomerTier.STANDARD, "Retail", language,
                "EMAIL", TicketScenario.now()));
    }

    private String ticketOf(Customer customer) {
        String number = intake.create(new NewTicket(customer.getId(), "Test Customer", null, customer.getEmail(),
                Channel.WEB, Category.INQUIRY, Priority.P2, "Printer does not print", "Paper jams on every page.",
                "P100", null)).getNumber();
        scenario.executeDueJobs();
        return number;
    }

    private Long ticketId(String number) {
        return outbox.findAll().stream().filter(n -> n.getDedupeKey().startsWith(number + ":")).findFirst()
                .orElseThrow().getTicketId();
    }

    private List<Notification> rows(String number, NotificationTemplate template) {
        return outbox.findAll().stream()
                .filter(n -> n.getDedupeKey().startsWith(number + ":") && n.getTemplate() == template).toList();
    }

    private void dispatchUntilDone(Notification notification) {
        for (int batch = 0; batch < 20; batch++) {
            NotificationStatus status = outbox.findById(notification.getId()).orElseThrow().getStatus();
            if (status != NotificationStatus.PENDING) {
                return;
            }
            dispatcher.dispatchPending(); // other tests' rows may come first
        }
    }

    private void dispatchUntilAttempted(Notification notification, int attempts) {
        for (int batch = 0; batch < 20
                && outbox.findById(notification.getId()).orElseThrow().getAttempts() < attempts; batch++) {
            dispatcher.dispatchPending();
        }
    }

    private static List<MimeMessage> receivedBy(String address, String subjectPart) {
        return receivedBy(smtp.getReceivedMessages(), address, subjectPart);
    }

    static List<MimeMessage> receivedBy(MimeMessage[] messages, String address, String subjectPart) {
        return Arrays.stream(messages).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(address)) && m.getSubject().contains(subjectPart);
            } catch (Exception e) {
                throw new IllegalStateException(GreenMailUtil.getHeaders(m), e);
            }
        }).toList();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
