package org.servicedesk.notification;

import java.util.Map;

import org.servicedesk.privacy.TicketRowsErasing;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** A customer's erasure: the notifications about their tickets, and who read them. */
@Component
class NotificationErasure {

    private final NamedParameterJdbcTemplate jdbc;

    NotificationErasure(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TicketRowsErasing erasing) {
        Map<String, Object> ids = Map.of("ids", erasing.ticketIds());
        erasing.removed("notification_read", jdbc.update("delete from notification_read where notification_id in"
                + " (select id from notification where ticket_id in (:ids))", ids));
        erasing.removed("notification", jdbc.update("delete from notification where ticket_id in (:ids)", ids));
    }
}
