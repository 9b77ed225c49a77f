package org.servicedesk.privacy;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 9.1, after the schema change of {@code V9__personal_data_encryption.sql}: encrypts
 * the personal data already stored in plaintext and fills the blind indexes, in Flyway's
 * transaction. A Java migration because it needs the keys; Spring Boot hands Flyway every
 * {@code JavaMigration} bean. On a new database it finds no rows.
 * <ol>
 * <li>the timeline's typed details (messages, solutions, comments) move from {@code detail} to
 * {@code private_detail};</li>
 * <li>a customer's address moves from {@code recipient} to {@code recipient_address}; {@code recipient}
 * keeps it masked;</li>
 * <li>every column of {@link PersonalColumns} is encrypted, every blind index computed.</li>
 * </ol>
 * The migration is frozen: it names its actions and tables itself rather than following later code.
 */
@Component
public class V9_1__Encrypt_personal_data extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V9_1__Encrypt_personal_data.class);

    /** TicketEvent.PRIVATE as of V9: actions whose detail someone typed. */
    private static final List<String> PRIVATE = List.of("CUSTOMER_CONFIRMED", "CUSTOMER_REJECTED",
            "CUSTOMER_REPLIED", "AGENT_REPLIED", "INFORMATION_REQUESTED", "FOLLOWED_UP", "RESOLVED", "FIX_PLANNED",
            "REVIEW_APPROVED", "REVIEW_REJECTED", "SLA_BREACH_HANDLED", "REASSIGNED", "PRIORITY_CHANGED");

    private final PersonalDataRewriter rewriter;

    public V9_1__Encrypt_personal_data(FieldCipher cipher, BlindIndex index) {
        this.rewriter = new PersonalDataRewriter(cipher, index);
    }

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        int moved = jdbc.update("update ticket_event set private_detail = detail, detail = null where detail is not null"
                + " and action in (" + String.join(", ", PRIVATE.stream().map(a -> "'" + a + "'").toList()) + ")");
        List<Map<String, Object>> customerRows = jdbc.queryForList(
                "select id, recipient from notification where recipient_kind = 'CUSTOMER'");
        for (Map<String, Object> row : customerRows) {
            String address = (String) row.get("recipient");
            jdbc.update("update notification set recipient_address = ?, recipient = ? where id = ?", address,
                    Masking.address(address), row.get("id"));
        }
        Map<String, Integer> encrypted = rewriter.rewrite(jdbc, PersonalDataRewriter.Mode.ENCRYPT_PLAINTEXT);
        log.info("personal data encrypted: rows per table {}; {} timeline details and {} customer addresses moved",
                encrypted, moved, customerRows.size());
    }
}
