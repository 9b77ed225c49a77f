package org.servicedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicedesk.TicketScenario;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

/** Queued notifications stay pending until the dispatcher delivered them; the log shows no contact details. */
@SpringBootTest
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class OutboxDispatcherTest {

    @Autowired TicketIntake intake;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired NotificationRepository outbox;

    @Test
    void pendingRowsAreSentOnceAndLoggedMasked(CapturedOutput output) {
        String number = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2)).getNumber();
        intake.routeNow(number);
        Notification received = outbox.findAll().stream()
                .filter(n -> n.getDedupeKey().startsWith(number + ":received"))
                .findFirst().orElseThrow();
        assertThat(received.getStatus()).isEqualTo(NotificationStatus.PENDING);
        assertThat(received.getRecipient()).isEqualTo("zhang.san@example.cn");

        for (int batch = 0; batch < 20 && pending(received); batch++) {
            dispatcher.dispatchPending(); // other tests' rows may come first
        }
        dispatcher.dispatchPending(); // a sent row is not sent again

        Notification sent = outbox.findById(received.getId()).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(sent.getSentAt()).isNotNull();
        assertThat(output).contains("EMAIL to CUSTOMER z***@example.cn [TICKET_RECEIVED]")
                .doesNotContain("zhang.san@example.cn").doesNotContain("13812345678");
    }

    private boolean pending(Notification notification) {
        return outbox.findById(notification.getId()).orElseThrow().getStatus() == NotificationStatus.PENDING;
    }
}
