package org.servicedesk.survey;

import java.util.Map;

import org.servicedesk.privacy.TicketRowsErasing;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** A customer's erasure: the surveys of their tickets and the follow-ups of the answers. */
@Component
class SurveyErasure {

    private final NamedParameterJdbcTemplate jdbc;

    SurveyErasure(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TicketRowsErasing erasing) {
        Map<String, Object> ids = Map.of("ids", erasing.ticketIds());
        erasing.removed("follow_up", jdbc.update("delete from follow_up where ticket_id in (:ids)", ids));
        erasing.removed("survey", jdbc.update("delete from survey where ticket_id in (:ids)", ids));
    }
}
