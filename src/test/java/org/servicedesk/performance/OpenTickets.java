package org.servicedesk.performance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.servicedesk.Node;

/**
 * Copies of one real ticket waiting at tier 1, written with SQL, for the benchmark's queue and heap
 * scenarios: per copy its process instance (the engine's execution tree), its tier-1 task, the
 * task's candidate group and task authorization (as the engine writes them), and a ticket row. The
 * copies differ in their ids, business key and number, and in the task's priority and due date, so
 * that sorting has work to do. Their variables, timers and history are not copied: the queue does
 * not read them. Nobody works the copies; the benchmark's database is dropped at its next run.
 */
final class OpenTickets {

    private OpenTickets() {
    }

    static void copy(String database, String taskId, String ticketNumber, int copies) throws SQLException {
        if (copies <= 0) {
            return;
        }
        try (Connection c = Node.connect(database)) {
            c.setAutoCommit(false);
            String instance;
            try (PreparedStatement q = c.prepareStatement("select proc_inst_id_ from act_ru_task where id_ = ?")) {
                q.setString(1, taskId);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    instance = rs.getString(1);
                }
            }
            String suffix = " || '-c' || g";
            copy(c, "act_ru_execution", "proc_inst_id_ = ?", instance, copies, Map.of(
                    "id_", "id_" + suffix,
                    "proc_inst_id_", "proc_inst_id_" + suffix,
                    "root_proc_inst_id_", "root_proc_inst_id_" + suffix,
                    "parent_id_", "parent_id_" + suffix,
                    "business_key_", "case when business_key_ is null then null else 'BN' || lpad(g::text, 9, '0') end"));
            copy(c, "act_ru_task", "id_ = ?", taskId, copies, Map.of(
                    "id_", "id_" + suffix,
                    "execution_id_", "execution_id_" + suffix,
                    "proc_inst_id_", "proc_inst_id_" + suffix,
                    "name_", "'BN' || lpad(g::text, 9, '0') || ' · Benchmark ticket — Handle at tier 1'",
                    "priority_", "10 * (1 + g % 5)",
                    "due_date_", "due_date_ + (g % 10000) * interval '1 minute'"));
            copy(c, "act_ru_identitylink", "task_id_ = ?", taskId, copies, Map.of(
                    "id_", "id_" + suffix, "task_id_", "task_id_" + suffix));
            copy(c, "act_ru_authorization", "resource_type_ = 7 and resource_id_ = ?", taskId, copies, Map.of(
                    "id_", "id_" + suffix, "resource_id_", "resource_id_" + suffix));
            copy(c, "ticket", "number = ?", ticketNumber, copies, Map.of(
                    "id", "nextval('ticket_id_seq')",
                    "number", "'BN' || lpad(g::text, 9, '0')",
                    "customer_id", "null"));
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                for (String table : List.of("act_ru_execution", "act_ru_task", "act_ru_identitylink",
                        "act_ru_authorization", "ticket")) {
                    s.execute("analyze " + table); // as autovacuum does after such a change
                }
            }
        }
    }

    /** insert into table select (each column, or its replacement) from the template row(s) × 1..copies. */
    private static void copy(Connection c, String table, String where, String key, int copies,
            Map<String, String> replaced) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("select column_name from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        String select = String.join(", ", columns.stream().map(column -> replaced.getOrDefault(column, column)).toList());
        try (PreparedStatement insert = c.prepareStatement("insert into " + table + " (" + String.join(", ", columns)
                + ") select " + select + " from " + table + ", generate_series(1, ?) g where " + where)) {
            insert.setInt(1, copies);
            insert.setString(2, key);
            insert.executeUpdate();
        }
    }
}
