package org.servicedesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V9 and the Java migration V9_1 on a database that holds plaintext personal data from before, and
 * the re-encryption after a key rotation.
 */
class EncryptionMigrationTest {

    final byte[] v1 = FieldCipherTest.key();

    final FieldCipher cipher = new FieldCipher("v1", v1, Map.of());

    final BlindIndex index = new BlindIndex(FieldCipherTest.key());

    @Test
    void existingRowsAreEncryptedAndIndexedAndRotateToANewKey() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(db);
        flyway(db, "6").migrate();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.update("insert into customer (name, phone, email, tier, language, preferred_channel, created_at)"
                + " values ('张三', '13812345678', 'Zhang.San@example.cn', 'VIP', 'zh', 'EMAIL', ?)", now);
        long customer = jdbc.queryForObject("select id from customer", Long.class);
        jdbc.update("insert into ticket (number, customer_id, contact_name, contact_phone, contact_email, channel,"
                + " category, priority, subject, description, order_number, status, created_at, version) values"
                + " ('CG20260101001', ?, '张三', '13812345678', 'zhang.san@example.cn', 'WEB', 'REPAIR', 'P1',"
                + " 'Oven', 'Call 13812345678', 'SO-1', 'CLOSED', ?, 0)", customer, now);
        long ticket = jdbc.queryForObject("select id from ticket", Long.class);
        jdbc.update("insert into ticket_event (ticket_id, occurred_at, actor, action, detail) values"
                + " (?, ?, 'customer', 'CUSTOMER_REPLIED', 'mail me at zhang.san@example.cn'),"
                + " (?, ?, 'alice', 'ESCALATED', 'To tier 2: needs diagnosis')", ticket, now, ticket, now);
        jdbc.update("insert into notification (ticket_id, dedupe_key, recipient_kind, recipient, channel, template,"
                + " subject, body, status, attempts, created_at) values"
                + " (?, 'a', 'CUSTOMER', 'zhang.san@example.cn', 'EMAIL', 'TICKET_RECEIVED', 'We received', 'Dear', 'SENT', 1, ?),"
                + " (?, 'b', 'GROUP', 'tier2', 'IN_APP', 'ESCALATION', 'Escalated', 'Body', 'PENDING', 0, ?)",
                ticket, now, ticket, now);

        Flyway latest = flyway(db, "latest");
        latest.migrate();

        Map<String, Object> c = jdbc.queryForMap("select * from customer");
        assertThat(cipher.decrypt((String) c.get("name"))).isEqualTo("张三");
        assertThat(cipher.decrypt((String) c.get("phone"))).isEqualTo("13812345678");
        assertThat(c.get("phone_bidx")).isEqualTo(index.phone("138 1234 5678"));
        assertThat(c.get("email_bidx")).isEqualTo(index.email("zhang.san@example.cn"));
        Map<String, Object> t = jdbc.queryForMap("select * from ticket");
        assertThat(cipher.decrypt((String) t.get("description"))).isEqualTo("Call 13812345678");
        assertThat(cipher.decrypt((String) t.get("order_number"))).isEqualTo("SO-1");
        assertThat(t.get("contact_phone_bidx")).isEqualTo(index.phone("13812345678"));
        assertThat(jdbc.queryForMap("select detail, private_detail from ticket_event where action = 'CUSTOMER_REPLIED'"))
                .satisfies(e -> {
                    assertThat(e.get("detail")).isNull();
                    assertThat(cipher.decrypt((String) e.get("private_detail"))).isEqualTo("mail me at zhang.san@example.cn");
                });
        assertThat(jdbc.queryForObject("select detail from ticket_event where action = 'ESCALATED'", String.class))
                .isEqualTo("To tier 2: needs diagnosis");
        assertThat(jdbc.queryForMap("select * from notification where dedupe_key = 'a'")).satisfies(n -> {
            assertThat(n.get("recipient")).isEqualTo("z***@example.cn");
            assertThat(cipher.decrypt((String) n.get("recipient_address"))).isEqualTo("zhang.san@example.cn");
            assertThat(cipher.decrypt((String) n.get("body"))).isEqualTo("Dear");
        });
        assertThat(jdbc.queryForMap("select * from notification where dedupe_key = 'b'")).satisfies(n -> {
            assertThat(n.get("recipient")).isEqualTo("tier2");
            assertThat(n.get("recipient_address")).isNull();
            assertThat(cipher.decrypt((String) n.get("subject"))).isEqualTo("Escalated");
        });
        String everything = jdbc.queryForList("select * from customer").toString()
                + jdbc.queryForList("select * from ticket") + jdbc.queryForList("select * from ticket_event")
                + jdbc.queryForList("select * from notification");
        assertThat(everything).doesNotContain("13812345678", "zhang.san", "张三", "SO-1");

        // a rotation: a new encryption key and a new blind-index key; the old key decrypts until the re-encryption
        byte[] v2 = FieldCipherTest.key();
        FieldCipher rotated = new FieldCipher("v2", v2, Map.of("v1", v1));
        BlindIndex newIndex = new BlindIndex(FieldCipherTest.key());
        Map<String, Integer> changed = new PersonalDataRewriter(rotated, newIndex).rewrite(jdbc,
                PersonalDataRewriter.Mode.REENCRYPT);
        assertThat(changed).containsEntry("customer", 1).containsEntry("ticket", 1).containsEntry("notification", 2);
        Map<String, Object> after = jdbc.queryForMap("select * from customer");
        assertThat((String) after.get("phone")).startsWith("v2:");
        assertThat(new FieldCipher("v2", v2, Map.of()).decrypt((String) after.get("phone")))
                .isEqualTo("13812345678");
        assertThat(after.get("phone_bidx")).isEqualTo(newIndex.phone("13812345678"));
        assertThat(jdbc.queryForList("select subject from notification", String.class))
                .allSatisfy(s -> assertThat(s).startsWith("v2:"));
        // once re-encrypted, nothing changes on a second run
        assertThat(new PersonalDataRewriter(rotated, newIndex).rewrite(jdbc, PersonalDataRewriter.Mode.REENCRYPT)
                .values()).containsOnly(0);
    }

    private Flyway flyway(DriverManagerDataSource db, String target) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .javaMigrations(new V9_1__Encrypt_personal_data(cipher, index)).target(target).load();
    }
}
