package org.servicedesk.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rewrites the personal-data columns ({@link PersonalColumns}) row by row, in pages, over plain
 * JDBC: encrypts plaintext (the V9_1 migration), binds values to their cell (V12), or re-encrypts what
 * another key encrypted (after a rotation); the blind indexes are recomputed each time (after a
 * rotation of the blind-index key).
 */
final class PersonalDataRewriter {

    enum Mode {
        /** Every value is plaintext: encrypt it with the current key. */
        ENCRYPT_PLAINTEXT,
        /** Every value is encrypted with a configured key: re-encrypt those not under the current key. */
        REENCRYPT,
        /**
         * Values encrypted before they were bound to their cell (V12): re-encrypt them bound, with the
         * current key; values already bound stay as they are.
         */
        BIND
    }

    private static final int PAGE = 500;

    private final FieldCipher cipher;

    private final BlindIndex index;

    PersonalDataRewriter(FieldCipher cipher, BlindIndex index) {
        this.cipher = cipher;
        this.index = index;
    }

    /** @return rows changed per table */
    Map<String, Integer> rewrite(JdbcTemplate jdbc, Mode mode) {
        Map<String, Integer> changed = new LinkedHashMap<>();
        for (PersonalColumns.Table table : PersonalColumns.ALL) {
            changed.put(table.name(), rewrite(jdbc, table, mode));
        }
        return changed;
    }

    private int rewrite(JdbcTemplate jdbc, PersonalColumns.Table table, Mode mode) {
        List<String> indexColumns = table.indexes().stream().map(PersonalColumns.Index::column).toList();
        List<String> columns = Stream.concat(table.encrypted().stream(), indexColumns.stream()).toList();
        String select = "select id, " + String.join(", ", columns) + " from " + table.name()
                + " where id > ? order by id fetch first " + PAGE + " rows only";
        String update = "update " + table.name() + " set "
                + columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", ")) + " where id = ?";
        int changed = 0;
        long last = 0;
        while (true) {
            List<Map<String, Object>> rows = jdbc.queryForList(select, last);
            if (rows.isEmpty()) {
                return changed;
            }
            List<Object[]> updates = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                last = ((Number) row.get("id")).longValue();
                Object[] values = rewritten(table, row, mode, columns);
                if (values != null) {
                    values[columns.size()] = last;
                    updates.add(values);
                }
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate(update, updates);
                changed += updates.size();
            }
        }
    }

    /** The row's new values (and room for the id), or null when nothing changes. */
    private Object[] rewritten(PersonalColumns.Table table, Map<String, Object> row, Mode mode, List<String> columns) {
        Map<String, String> plain = new HashMap<>();
        Map<String, String> stored = new HashMap<>();
        for (String column : table.encrypted()) {
            String value = (String) value(row, column);
            if (value == null) {
                continue;
            }
            FieldCipher.Cell cell = new FieldCipher.Cell(table.name(), column, ((Number) value(row, "id")).longValue());
            switch (mode) {
                case ENCRYPT_PLAINTEXT -> {
                    plain.put(column, value);
                    stored.put(column, cipher.encrypt(value, cell));
                }
                case REENCRYPT -> {
                    String text = cipher.decrypt(value, cell);
                    plain.put(column, text);
                    stored.put(column, cipher.isCurrent(value) ? value : cipher.encrypt(text, cell));
                }
                case BIND -> {
                    String text = bound(value, cell);
                    if (text != null) {
                        plain.put(column, text);
                        stored.put(column, value);
                    } else {
                        try {
                            text = cipher.decryptUnbound(value);
                        } catch (PersonalDataException e) {
                            throw new PersonalDataException(cell + ": " + e.getMessage());
                        }
                        plain.put(column, text);
                        stored.put(column, cipher.encrypt(text, cell));
                    }
                }
            }
        }
        for (PersonalColumns.Index idx : table.indexes()) {
            String source = plain.get(idx.source());
            stored.put(idx.column(), idx.phone() ? index.phone(source) : index.email(source));
        }
        Object[] values = new Object[columns.size() + 1];
        boolean differs = false;
        for (int i = 0; i < columns.size(); i++) {
            values[i] = stored.get(columns.get(i));
            differs |= !Objects.equals(values[i], value(row, columns.get(i)));
        }
        return differs ? values : null;
    }

    /** The plaintext of a value already bound to this cell, or null when it is not. */
    private String bound(String value, FieldCipher.Cell cell) {
        try {
            return cipher.decrypt(value, cell);
        } catch (PersonalDataException e) {
            return null;
        }
    }

    /** Column labels come back in upper case from H2 and in lower case from PostgreSQL. */
    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(java.util.Locale.ROOT));
    }
}
