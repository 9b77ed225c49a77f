package org.servicedesk.ticket;

import java.util.Map;

import org.servicedesk.privacy.CustomerRowsErasing;
import org.servicedesk.privacy.TicketRowsErasing;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** A customer's erasure: the tickets' timelines and customer links, then the tickets themselves. */
@Component
class TicketErasure {

    private final NamedParameterJdbcTemplate jdbc;

    TicketErasure(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TicketRowsErasing erasing) {
        Map<String, Object> ids = Map.of("ids", erasing.ticketIds());
        erasing.removed("ticket_event", jdbc.update("delete from ticket_event where ticket_id in (:ids)", ids));
        erasing.removed("customer_link", jdbc.update("delete from customer_link where ticket_id in (:ids)", ids));
    }

    @EventListener
    @Order(CustomerRowsErasing.TICKETS)
    void on(CustomerRowsErasing erasing) {
        if (!erasing.ticketIds().isEmpty()) {
            erasing.removed("ticket",
                    jdbc.update("delete from ticket where id in (:ids)", Map.of("ids", erasing.ticketIds())));
        }
    }
}
