package org.servicedesk.sla;

import java.util.Map;

import org.servicedesk.privacy.TicketRowsErasing;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** A customer's erasure: the SLA clocks of their tickets (their clock instances are gone already). */
@Component
class SlaClockErasure {

    private final NamedParameterJdbcTemplate jdbc;

    SlaClockErasure(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TicketRowsErasing erasing) {
        erasing.removed("sla_clock",
                jdbc.update("delete from sla_clock where ticket_id in (:ids)", Map.of("ids", erasing.ticketIds())));
    }
}
