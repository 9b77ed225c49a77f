package org.servicedesk.ticket;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.servicedesk.system.ServiceDeskProperties;
import org.servicedesk.system.TimeSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out ticket numbers: {@code CG} + date (yyyyMMdd, in the desk's time zone) + the day's
 * sequence, at least three digits ({@code CG20261123001}). One counter row per day; a node reserves
 * a block of numbers ({@code servicedesk.ticket-numbers.block-size}, 10) from it at a time, in a
 * short transaction under the row's lock, and hands them out from memory. So several nodes on one
 * database never hand out the same number, one node numbers its tickets without gaps, and a gap
 * appears only where a node stopped with numbers of its block unused, or where a ticket failed.
 * <p>
 * It must be called outside a transaction, before the intake's own: a reservation inside it would
 * hold a second database connection while the first waits (every request needing two connections
 * at once is how a busy pool deadlocks).
 */
@Component
class TicketNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    private final TimeSource time;

    private final ZoneId zone;

    private final int blockSize;

    /** The block this node hands out from: numbers {@code next..last} of {@code day}. */
    private LocalDate day;

    private int next;

    private int last;

    TicketNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, TimeSource time,
            ServiceDeskProperties properties, @Value("${servicedesk.ticket-numbers.block-size:10}") int blockSize) {
        if (blockSize < 1) {
            throw new IllegalStateException("servicedesk.ticket-numbers.block-size must be 1 or more");
        }
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.time = time;
        this.zone = properties.zone();
        this.blockSize = blockSize;
    }

    synchronized String next() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("ticket numbers are reserved before the intake's transaction, not in it");
        }
        LocalDate today = LocalDate.ofInstant(time.now(), zone);
        if (!today.equals(day) || next > last) {
            last = reserve(today);
            next = last - blockSize + 1;
            day = today;
        }
        return "CG" + DAY.format(today) + String.format("%03d", next++);
    }

    /** @return the last number of the block reserved */
    private int reserve(LocalDate today) {
        for (int attempt = 0; ; attempt++) {
            try {
                return transaction.execute(status -> increment(today));
            } catch (DataIntegrityViolationException firstOfTheDayRace) {
                // another node created the day's row at the same moment; its row exists now
                if (attempt >= 2) {
                    throw firstOfTheDayRace;
                }
            }
        }
    }

    private Integer increment(LocalDate today) {
        int updated = jdbc.update("update ticket_number_counter set last_value = last_value + ? where counter_day = ?",
                blockSize, today);
        if (updated == 0) {
            jdbc.update("insert into ticket_number_counter (counter_day, last_value) values (?, ?)", today, blockSize);
        }
        return jdbc.queryForObject("select last_value from ticket_number_counter where counter_day = ?", Integer.class,
                today);
    }
}
