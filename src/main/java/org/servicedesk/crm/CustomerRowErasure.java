package org.servicedesk.crm;

import java.util.Map;

import org.servicedesk.privacy.CustomerRowsErasing;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** A customer's erasure, last: the customer's own row. */
@Component
class CustomerRowErasure {

    private final NamedParameterJdbcTemplate jdbc;

    CustomerRowErasure(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(CustomerRowsErasing.CUSTOMER)
    void on(CustomerRowsErasing erasing) {
        erasing.removed("customer",
                jdbc.update("delete from customer where id = :id", Map.of("id", erasing.customerId())));
    }
}
