package org.servicedesk.sla;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code servicedesk_sla_breaches_total{clock="…"}}: SLA clocks that ran past their due date, by clock
 * ({@link ClockKind}), counted from the clocks' own records, so every node
 * reports the desk's total and a restart loses nothing; {@code increase()} over it gives the breaches of
 * a period.
 */
@Component
class SlaMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    SlaMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ClockKind clock : ClockKind.values()) {
            FunctionCounter.builder("servicedesk.sla.breaches", jdbc, j -> breaches(j, clock.name()))
                    .description("SLA clocks breached").tag("clock", clock.name()).register(registry);
        }
    }

    private static double breaches(JdbcTemplate jdbc, String clock) {
        return jdbc.queryForObject("select count(*) from sla_clock where clock = ? and breached_at is not null",
                Long.class, clock);
    }
}
