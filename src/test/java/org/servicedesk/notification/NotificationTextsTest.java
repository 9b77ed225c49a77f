package org.servicedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.servicedesk.system.DeskTexts;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every template has its subject and body in English and Chinese, and the messages files hold the
 * same keys: a missing text fails here, not as an empty mail.
 */
class NotificationTextsTest {

    @Test
    void everyTemplateHasSubjectAndBodyInBothLanguages() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_zh.properties"}) {
            Properties texts = load(file);
            for (NotificationTemplate template : NotificationTemplate.values()) {
                assertThat(texts.getProperty("notification." + template + ".subject")).as(file + " " + template)
                        .isNotBlank();
                assertThat(texts.getProperty("notification." + template + ".body")).as(file + " " + template)
                        .isNotBlank();
            }
        }
    }

    @Test
    void theChineseFileHasEveryKeyOfTheEnglishOne() throws IOException {
        assertThat(load("messages_zh.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void placeholdersAreFilledByNameAndAMissingValueLeavesNothing() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        NotificationTexts texts = new NotificationTexts(new DeskTexts(source));
        Map<String, String> values = new HashMap<>();
        values.put("number", "T-1");
        values.put("subject", "Printer");
        values.put("solution", "Restart it");
        values.put("link", null);

        assertThat(texts.subject(NotificationTemplate.TICKET_RECEIVED, "zh", values)).isEqualTo("我们已收到您的请求 T-1");
        assertThat(texts.subject(NotificationTemplate.TICKET_RECEIVED, "de", values))
                .isEqualTo("We received your request T-1");
        assertThat(texts.body(NotificationTemplate.SOLUTION_TO_CONFIRM, "en", values)).isEqualTo(
                "Our solution for \"Printer\":\nRestart it\nIt solved my problem: ?accepted=true\nIt did not: ?accepted=false");
        assertThat(texts.body(NotificationTemplate.WEEKLY_REPORT, "en", Map.of("week", "2026-W49", "summary", "ok")))
                .isEqualTo("The service desk's report of week 2026-W49:\nok");
    }

    private static Properties load(String file) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = NotificationTextsTest.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
