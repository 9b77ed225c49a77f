package org.servicedesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    final DriverManagerDataSource db = new DriverManagerDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Test
    void existingRowsAreEncryptedAndIndexedAndRotateToANewKey() {
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
        assertThat(cipher.decrypt((String) c.get("name"), cell("customer", "name", c))).isEqualTo("张三");
        assertThat(cipher.decrypt((String) c.get("phone"), cell("customer", "phone", c))).isEqualTo("13812345678");
        assertThat(c.get("phone_bidx")).isEqualTo(index.phone("138 1234 5678"));
        assertThat(c.get("email_bidx")).isEqualTo(index.email("zhang.san@example.cn"));
        Map<String, Object> t = jdbc.queryForMap("select * from ticket");
        assertThat(cipher.decrypt((String) t.get("description"), cell("ticket", "description", t)))
                .isEqualTo("Call 13812345678");
        assertThat(cipher.decrypt((String) t.get("order_number"), cell("ticket", "order_number", t))).isEqualTo("SO-1");
        assertThat(t.get("contact_phone_bidx")).isEqualTo(index.phone("13812345678"));
        assertThat(jdbc.queryForMap("select id, detail, private_detail from ticket_event where action = 'CUSTOMER_REPLIED'"))
                .satisfies(e -> {
                    assertThat(e.get("detail")).isNull();
                    assertThat(cipher.decrypt((String) e.get("private_detail"), cell("ticket_event", "private_detail", e)))
                            .isEqualTo("mail me at zhang.san@example.cn");
                });
        assertThat(jdbc.queryForObject("select detail from ticket_event where action = 'ESCALATED'", String.class))
                .isEqualTo("To tier 2: needs diagnosis");
        assertThat(jdbc.queryForMap("select * from notification where dedupe_key = 'a'")).satisfies(n -> {
            assertThat(n.get("recipient")).isEqualTo("z***@example.cn");
            assertThat(cipher.decrypt((String) n.get("recipient_address"), cell("notification", "recipient_address", n)))
                    .isEqualTo("zhang.san@example.cn");
            assertThat(cipher.decrypt((String) n.get("body"), cell("notification", "body", n))).isEqualTo("Dear");
        });
        assertThat(jdbc.queryForMap("select * from notification where dedupe_key = 'b'")).satisfies(n -> {
            assertThat(n.get("recipient")).isEqualTo("tier2");
            assertThat(n.get("recipient_address")).isNull();
            assertThat(cipher.decrypt((String) n.get("subject"), cell("notification", "subject", n)))
                    .isEqualTo("Escalated");
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
        assertThat(new FieldCipher("v2", v2, Map.of()).decrypt((String) after.get("phone"), cell("customer", "phone", after)))
                .isEqualTo("13812345678");
        assertThat(after.get("phone_bidx")).isEqualTo(newIndex.phone("13812345678"));
        assertThat(jdbc.queryForList("select subject from notification", String.class))
                .allSatisfy(s -> assertThat(s).startsWith("v2:"));
        // once re-encrypted, nothing changes on a second run
        assertThat(new PersonalDataRewriter(rotated, newIndex).rewrite(jdbc, PersonalDataRewriter.Mode.REENCRYPT)
                .values()).containsOnly(0);
    }

    @Test
    void v12BindsEveryValueToItsRowAndIdsComeFromSequences() {
        JdbcTemplate jdbc = new JdbcTemplate(db);
        flyway(db, "11").migrate();
        OffsetDateTime now = OffsetDateTime.now();
        // two customers as the application stored them before V12: encrypted, bound to the key id only
        for (String[] customer : new String[][] {{"张三", "13812345678"}, {"李四", "13900001111"}}) {
            jdbc.update("insert into customer (name, phone, tier, language, preferred_channel, created_at)"
                    + " values (?, ?, 'VIP', 'zh', 'PHONE', ?)", FieldCipherTest.legacy(v1, "v1", customer[0]),
                    FieldCipherTest.legacy(v1, "v1", customer[1]), now);
        }
        String unboundOfFirst = jdbc.queryForObject("select phone from customer where id = 1", String.class);

        flyway(db, "latest").migrate();

        Map<String, Object> first = jdbc.queryForMap("select * from customer where id = 1");
        Map<String, Object> second = jdbc.queryForMap("select * from customer where id = 2");
        assertThat(cipher.decrypt((String) first.get("phone"), cell("customer", "phone", first)))
                .isEqualTo("13812345678");
        assertThat(cipher.decrypt((String) second.get("name"), cell("customer", "name", second))).isEqualTo("李四");
        assertThat(first.get("phone_bidx")).isEqualTo(index.phone("13812345678"));
        // the unbound form is gone, and a value moved to the other row does not decrypt there
        assertThat(first.get("phone")).isNotEqualTo(unboundOfFirst);
        assertThatThrownBy(() -> cipher.decrypt((String) first.get("phone"), cell("customer", "phone", second)))
                .isInstanceOf(PersonalDataException.class).hasMessageContaining("customer.phone of row 2");
        // ids go on from the highest one, through the sequence Hibernate takes blocks of 50 from
        jdbc.update("insert into customer (name, tier, language, preferred_channel, created_at)"
                + " values ('not read', 'VIP', 'zh', 'PHONE', ?)", now);
        assertThat(jdbc.queryForObject("select max(id) from customer", Long.class)).isEqualTo(3L);
        assertThat(jdbc.queryForObject("select next value for customer_id_seq", Long.class)).isEqualTo(53L);
        assertThat(jdbc.queryForObject("select next value for ticket_id_seq", Long.class)).isEqualTo(1L);
        jdbc.update("delete from customer where id = 3");
        // and a second run over bound values changes nothing
        assertThat(new PersonalDataRewriter(cipher, index).rewrite(jdbc, PersonalDataRewriter.Mode.BIND).values())
                .containsOnly(0);
    }

    static FieldCipher.Cell cell(String table, String column, Map<String, Object> row) {
        Object id = row.containsKey("id") ? row.get("id") : row.get("ID");
        return new FieldCipher.Cell(table, column, ((Number) id).longValue());
    }

    private Flyway flyway(DriverManagerDataSource db, String target) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .javaMigrations(new V9_1__Encrypt_personal_data(cipher, index),
                        new V12__Bind_personal_data_to_rows(cipher, index))
                .target(target).load();
    }
}
