package org.servicedesk.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads every value of every text and binary column of every table in the current schema of a
 * PostgreSQL database (our tables and the engine's, found in information_schema), binary values as
 * UTF-8, and tells where given strings occur, ignoring case.
 */
final class DatabaseScan {

    private static final List<String> TYPES = List.of("character varying", "text", "character", "bytea", "json",
            "jsonb", "xml");

    private final JdbcTemplate jdbc;

    DatabaseScan(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns scanned: table.column → data type. */
    Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        jdbc.query("select table_name, column_name, data_type from information_schema.columns"
                + " where table_schema = current_schema() order by table_name, ordinal_position", rs -> {
                    if (TYPES.contains(rs.getString("data_type"))) {
                        columns.put(rs.getString("table_name") + "." + rs.getString("column_name"),
                                rs.getString("data_type"));
                    }
                });
        return columns;
    }

    /** Where each of the strings occurs: "table.column: string", for every hit; empty when nowhere. */
    List<String> find(Collection<String> strings, Collection<String> skippedColumns) {
        List<String> needles = strings.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<String> hits = new ArrayList<>();
        columns().forEach((column, type) -> {
            if (skippedColumns.contains(column)) {
                return;
            }
            String[] parts = column.split("\\.");
            jdbc.query("select \"" + parts[1] + "\" from \"" + parts[0] + "\" where \"" + parts[1] + "\" is not null",
                    rs -> {
                        String value = "bytea".equals(type) ? new String(rs.getBytes(1), StandardCharsets.UTF_8)
                                : rs.getString(1);
                        String lower = value.toLowerCase(Locale.ROOT);
                        for (int i = 0; i < needles.size(); i++) {
                            if (lower.contains(needles.get(i))) {
                                hits.add(column + ": " + List.copyOf(strings).get(i));
                            }
                        }
                    });
        });
        return hits;
    }

    /** Every table of the current schema with a foreign key to one of these tables, with its column. */
    List<String> referencing(Collection<String> tables) {
        return jdbc.queryForList("""
                select tc.table_name || '.' || kcu.column_name || ' -> ' || ccu.table_name
                  from information_schema.table_constraints tc
                  join information_schema.key_column_usage kcu
                    on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
                  join information_schema.constraint_column_usage ccu
                    on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
                 where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()
                   and ccu.table_name in (%s)
                 order by 1
                """.formatted(String.join(", ", tables.stream().map(t -> "'" + t + "'").toList())), String.class);
    }
}
