package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Ticket numbers stay unique and gap-free when many intakes race on one PostgreSQL database,
 * including the race for the first number of a day.
 */
@SpringBootTest
@ActiveProfiles({ "postgres", "it" })
class TicketNumbersIT {

    @Autowired TicketIntake intake;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void concurrentIntakesGetDistinctConsecutiveNumbers() throws Exception {
        // a day no other test uses (noon in Shanghai), so every thread races for its first number
        TicketScenario.setClock(Instant.parse("2031-05-07T04:00:00Z"));
        int threads = 8;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Callable<List<String>> worker = () -> {
                start.await();
                List<String> numbers = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    numbers.add(intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2)).getNumber());
                }
                return numbers;
            };
            results.add(pool.submit(worker));
        }
        start.countDown();
        Set<String> all = new TreeSet<>();
        for (Future<List<String>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();

        assertThat(all).hasSize(threads * perThread);
        assertThat(all).first().isEqualTo("CG20310507001");
        assertThat(all).last().isEqualTo("CG20310507080");
    }
}
