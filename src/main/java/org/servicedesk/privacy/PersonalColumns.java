package org.servicedesk.privacy;

import java.util.List;

/**
 * Where personal data is stored encrypted ({@link Encrypted}), and the blind indexes computed from
 * it: the list the V9_1 migration, the re-encryption after a key rotation and the tests go by.
 * Every table has an {@code id} primary key.
 */
public final class PersonalColumns {

    /** A blind index column and the encrypted column it is computed from. */
    public record Index(String column, String source, boolean phone) {
    }

    public record Table(String name, List<String> encrypted, List<Index> indexes) {
    }

    public static final List<Table> ALL = List.of(
            new Table("customer", List.of("name", "phone", "email"),
                    List.of(new Index("phone_bidx", "phone", true), new Index("email_bidx", "email", false))),
            new Table("ticket", List.of("contact_name", "contact_phone", "contact_email", "order_number", "subject",
                    "description", "resolution"),
                    List.of(new Index("contact_phone_bidx", "contact_phone", true),
                            new Index("contact_email_bidx", "contact_email", false))),
            new Table("ticket_event", List.of("private_detail"), List.of()),
            new Table("notification", List.of("recipient_address", "subject", "body"), List.of()),
            new Table("survey", List.of("comment"), List.of()),
            new Table("follow_up", List.of("feedback"), List.of()));

    private PersonalColumns() {
    }
}
