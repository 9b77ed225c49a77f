package org.servicedesk.ticket;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.servicedesk.system.ServiceDeskProperties;
import org.servicedesk.system.TimeSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out ticket numbers: {@code CG} + date (yyyyMMdd, in the desk's time zone) + the day's
 * sequence, at least three digits ({@code CG20261123001}). One counter row per day, incremented
 * under its row lock in a short transaction of its own, so several nodes on one database never
 * hand out the same number (and a ticket that fails later leaves a gap, not a duplicate).
 */
@Component
class TicketNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate ownTransaction;

    private final TimeSource time;

    private final ZoneId zone;

    TicketNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, TimeSource time,
            ServiceDeskProperties properties) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.time = time;
        this.zone = properties.zone();
    }

    String next() {
        LocalDate day = LocalDate.ofInstant(time.now(), zone);
        for (int attempt = 0; ; attempt++) {
            try {
                Integer sequence = ownTransaction.execute(status -> increment(day));
                return "CG" + DAY.format(day) + String.format("%03d", sequence);
            } catch (DataIntegrityViolationException firstOfTheDayRace) {
                // another node created the day's row at the same moment; its row exists now
                if (attempt >= 2) {
                    throw firstOfTheDayRace;
                }
            }
        }
    }

    private Integer increment(LocalDate day) {
        int updated = jdbc.update("update ticket_number_counter set last_value = last_value + 1 where counter_day = ?", day);
        if (updated == 0) {
            jdbc.update("insert into ticket_number_counter (counter_day, last_value) values (?, 1)", day);
        }
        return jdbc.queryForObject("select last_value from ticket_number_counter where counter_day = ?", Integer.class, day);
    }
}
