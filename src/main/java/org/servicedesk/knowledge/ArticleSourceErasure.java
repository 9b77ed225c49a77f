package org.servicedesk.knowledge;

import java.util.Map;

import org.servicedesk.privacy.TicketRowsErasing;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A customer's erasure: an article drafted from one of their tickets stays (its texts were masked
 * when it was drafted) but no longer names the ticket.
 */
@Component
class ArticleSourceErasure {

    private final NamedParameterJdbcTemplate jdbc;

    ArticleSourceErasure(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TicketRowsErasing erasing) {
        erasing.removed("knowledge_article_unlinked", jdbc.update(
                "update knowledge_article set source_ticket_id = null where source_ticket_id in (:ids)",
                Map.of("ids", erasing.ticketIds())));
    }
}
