package org.servicedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.TicketScenario;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A delivered message keeps its text 90 days; then text and link go and the row stays. */
@SpringBootTest
@ActiveProfiles("test")
class MessageRetentionTest {

    @Autowired TicketIntake intake;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired NotificationRepository outbox;
    @Autowired MessageRetention retention;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aDeliveredMessagesContentIsRemovedAfterNinetyDaysAndAPendingOneIsKept() {
        String number = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2)).getNumber();
        intake.routeNow(number);
        Notification received = receipt(number);
        for (int batch = 0; batch < 20 && outbox.findById(received.getId()).orElseThrow()
                .getStatus() == NotificationStatus.PENDING; batch++) {
            dispatcher.dispatchPending();
        }
        assertThat(outbox.findById(received.getId()).orElseThrow().getStatus()).isEqualTo(NotificationStatus.SENT);
        String later = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2)).getNumber();
        intake.routeNow(later); // its receipt stays pending: never delivered, so kept

        TicketScenario.advance(Duration.ofDays(89));
        retention.removeExpiredContent();
        assertThat(outbox.findById(received.getId()).orElseThrow().getBody()).as("at 89 days")
                .isNotEqualTo(Notification.REMOVED).contains(number);

        TicketScenario.advance(Duration.ofDays(2));
        assertThat(retention.removeExpiredContent()).isPositive();
        Notification removed = outbox.findById(received.getId()).orElseThrow();
        assertThat(removed.getBody()).isEqualTo(Notification.REMOVED);
        assertThat(removed.getLink()).isNull();
        assertThat(removed.getContentRemovedAt()).isNotNull();
        assertThat(removed.getStatus()).as("the record of the delivery stays").isEqualTo(NotificationStatus.SENT);
        assertThat(removed.getSentAt()).isNotNull();
        assertThat(receipt(later).getBody()).as("a message never delivered").isNotEqualTo(Notification.REMOVED);
    }

    private Notification receipt(String number) {
        return outbox.findAll().stream().filter(n -> n.getDedupeKey().startsWith(number + ":received")).findFirst()
                .orElseThrow();
    }
}
