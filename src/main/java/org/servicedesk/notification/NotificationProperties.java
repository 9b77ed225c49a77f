package org.servicedesk.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The channels' settings ({@code servicedesk.notification.*}). The SMTP server itself is Spring
 * Boot's {@code spring.mail.*}; without {@code spring.mail.host} e-mails are only logged, and so are
 * SMS without {@code sms.url}.
 */
@ConfigurationProperties("servicedesk.notification")
record NotificationProperties(@DefaultValue Mail mail, @DefaultValue Sms sms) {

    /** {@code from}: the sender address; {@code messageIdDomain}: the right side of the stable Message-IDs. */
    record Mail(@DefaultValue("Service Desk <servicedesk@localhost>") String from,
            @DefaultValue("servicedesk") String messageIdDomain) {
    }

    /**
     * An HTTP gateway that takes {@code POST url} with {@code {"to": "...", "text": "..."}} per segment.
     * Credentials: HTTP basic ({@code username}, {@code password}) and/or an API key header.
     */
    record Sms(String url, String username, String password, @DefaultValue("X-Api-Key") String apiKeyHeader,
            String apiKey, String senderId, @DefaultValue("PT5S") Duration connectTimeout,
            @DefaultValue("PT10S") Duration readTimeout) {
    }
}
