package org.servicedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A ticket's texts as they leave our tables: its own contact values masked wherever they occur. */
class PersonalTextTest {

    static Ticket ticket(String name, String phone, String email, String order) {
        return new Ticket("CG20260101001", new NewTicket(null, name, phone, email, Channel.WEB, Category.REPAIR,
                Priority.P1, "s", "d", null, order), Instant.now());
    }

    @Test
    void theTicketsOwnContactValuesAreMasked() {
        Ticket ticket = ticket("张三", "13812345678", "Zhang.San@example.cn", "SO-7781");
        assertThat(PersonalText.mask("张三说：订单 SO-7781，电话 13812345678，邮件 zhang.san@EXAMPLE.cn", ticket))
                .isEqualTo("张*说：订单 ****7781，电话 138****5678，邮件 Z***@example.cn");
    }

    @Test
    void aLatinNameIsMaskedAsAWholeWordOnly() {
        Ticket ticket = ticket("Li", null, null, null);
        assertThat(PersonalText.mask("Li says the delivery line is slow; li.", ticket))
                .isEqualTo("L* says the delivery line is slow; L*.");
        assertThat(PersonalText.mask("Nothing here", ticket(" ", null, null, null))).isEqualTo("Nothing here");
        assertThat(PersonalText.mask(null, ticket)).isNull();
    }
}
