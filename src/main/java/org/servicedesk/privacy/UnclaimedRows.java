package org.servicedesk.privacy;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rows no module erased (of tables added by later features) that still refer to erased tickets or
 * the erased customer by a foreign key: they are about the customer, so they go too, and the
 * erasure record names them. Runs after the modules' own listeners.
 */
@Component
class UnclaimedRows {

    private final NamedParameterJdbcTemplate jdbc;

    UnclaimedRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Between the tickets and the customer: the rows of other tables that refer to the customer. */
    @EventListener
    @Order(CustomerRowsErasing.REFERENCING)
    void on(CustomerRowsErasing erasing) {
        delete("customer", List.of(erasing.customerId())).forEach(erasing::removed);
    }

    /** @return rows deleted per table */
    Map<String, Integer> delete(String table, List<Long> ids) {
        Map<String, Integer> removed = new LinkedHashMap<>();
        for (String[] reference : referencing(table)) {
            if (!reference[0].equals(table)) {
                removed.merge(reference[0], jdbc.update("delete from " + reference[0] + " where " + reference[1]
                        + " in (:ids)", Map.of("ids", ids)), Integer::sum);
            }
        }
        return removed;
    }

    /** Table and column of every foreign key to this table, in lower case. */
    private List<String[]> referencing(String table) {
        return jdbc.getJdbcTemplate().execute((ConnectionCallback<List<String[]>>) connection -> {
            DatabaseMetaData metaData = connection.getMetaData();
            String name = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            List<String[]> references = new ArrayList<>();
            try (ResultSet keys = metaData.getExportedKeys(connection.getCatalog(), connection.getSchema(), name)) {
                while (keys.next()) {
                    references.add(new String[] { keys.getString("FKTABLE_NAME").toLowerCase(Locale.ROOT),
                            keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) });
                }
            }
            return references;
        });
    }
}
