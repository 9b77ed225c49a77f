package org.servicedesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Contact data in free text is masked; dates, ticket numbers and short numbers are not. */
class MaskingTest {

    @Test
    void phonesAndEmailsInTextAreMasked() {
        assertThat(Masking.text("Call me on 13812345678 or +44 20 7946 0958, or write to zhang.san@example.cn."))
                .isEqualTo("Call me on 138****5678 or 442****0958, or write to z***@example.cn.");
        assertThat(Masking.text("座机 010-12345678，谢谢")).isEqualTo("座机 010****5678，谢谢");
    }

    @Test
    void datesTicketNumbersAndModelNumbersStay() {
        String text = "CG20261123001 · 2026-11-23 09:30 · Model P100, bought 2026-01-05: jams; error 4042; order SO-99812";
        assertThat(Masking.text(text)).isEqualTo(text);
        assertThat(Masking.text("bought 2026-01-05 13812345678")).isEqualTo("bought 2026-01-05 138****5678");
        assertThat(Masking.text(null)).isNull();
    }

    @Test
    void fullWidthDigitsAndNumbersWithCountryOrAreaCodesAreMasked() {
        assertThat(Masking.text("电话：１３８１２３４５６７８，谢谢")).isEqualTo("电话：138****5678，谢谢");
        assertThat(Masking.text("手机 +86 138-1234-5678")).isEqualTo("手机 861****5678");
        assertThat(Masking.text("office (010) 6552-1234.")).isEqualTo("office 010****1234.");
        assertThat(Masking.text("座机（０１０）６５５２－１２３４")).isEqualTo("座机010****1234");
        assertThat(Masking.text("＋８６ １３８ １２３４ ５６７８")).isEqualTo("861****5678");
        assertThat(Masking.phone("１３８１２３４５６７８")).isEqualTo("138****5678");
        assertThat(Masking.address("１３８-１２３４-５６７８")).isEqualTo("138****5678");
    }
}
