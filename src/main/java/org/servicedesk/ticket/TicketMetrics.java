package org.servicedesk.ticket;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code servicedesk_tickets_open{tier="1|2|3"}}: tickets not closed, by the tier they are at (a ticket
 * not yet routed counts under {@code tier="none"}). Read from the ticket table at each scrape.
 */
@Component
class TicketMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    TicketMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (int tier = 1; tier <= 3; tier++) {
            int at = tier;
            Gauge.builder("servicedesk.tickets.open", () -> open("current_tier = " + at))
                    .description("Tickets not closed, by their current tier").tag("tier", String.valueOf(tier))
                    .register(registry);
        }
        Gauge.builder("servicedesk.tickets.open", () -> open("current_tier is null"))
                .description("Tickets not closed, by their current tier").tag("tier", "none").register(registry);
    }

    private long open(String tier) {
        return jdbc.queryForObject("select count(*) from ticket where status <> ? and " + tier, Long.class,
                TicketStatus.CLOSED.name());
    }
}
