package org.servicedesk.privacy;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 12: binds every encrypted value to its table, column and row
 * ({@link FieldCipher.Cell}), so that a value copied to another row or column no longer decrypts.
 * <ol>
 * <li>The tables with encrypted columns take their ids from a sequence ({@code <table>_id_seq},
 * in steps of 50 for Hibernate's pooled-lo blocks) instead of an identity column: the row's id
 * is part of what is encrypted, so it must be known before the insert. Each sequence starts after
 * the table's highest id; plain SQL inserts keep working through the column default.</li>
 * <li>Every value written before (its associated data was the key id alone) is re-encrypted
 * bound to its cell with the current key, in Flyway's transaction.</li>
 * </ol>
 * Frozen like every migration: it names its tables itself.
 */
@Component
public class V12__Bind_personal_data_to_rows extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V12__Bind_personal_data_to_rows.class);

    private static final List<String> TABLES = List.of("customer", "ticket", "ticket_event", "notification", "survey",
            "follow_up");

    private static final int BLOCK = 50;

    private final PersonalDataRewriter rewriter;

    public V12__Bind_personal_data_to_rows(FieldCipher cipher, BlindIndex index) {
        this.rewriter = new PersonalDataRewriter(cipher, index);
    }

    @Override
    public void migrate(Context context) throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        boolean postgres = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                .contains("postgres");
        for (String table : TABLES) {
            long next = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from " + table, Long.class);
            String sequence = table + "_id_seq";
            // dropping the identity drops PostgreSQL's own sequence of that name
            jdbc.execute("alter table " + table + " alter column id drop identity");
            jdbc.execute("create sequence " + sequence + " start with " + next + " increment by " + BLOCK);
            if (postgres) {
                jdbc.execute("alter table " + table + " alter column id set default nextval('" + sequence + "')");
                jdbc.execute("alter sequence " + sequence + " owned by " + table + ".id");
            } else {
                jdbc.execute("alter table " + table + " alter column id set default next value for " + sequence);
            }
        }
        Map<String, Integer> bound = rewriter.rewrite(jdbc, PersonalDataRewriter.Mode.BIND);
        log.info("ids from sequences; personal data bound to its table, column and row: rows changed per table {}",
                bound);
    }
}
