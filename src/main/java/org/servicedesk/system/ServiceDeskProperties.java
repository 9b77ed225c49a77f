package org.servicedesk.system;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the desk ({@code servicedesk.*}). The durations that timers use are ISO-8601
 * strings because the BPMN reads them as timer expressions, e.g. {@code ${serviceDesk.surveyDelay}}.
 */
@ConfigurationProperties("servicedesk")
public record ServiceDeskProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("P3D") String confirmationTimeout,
        @DefaultValue("PT1H") String surveyDelay,
        @DefaultValue("P7D") String surveyExpiry,
        @DefaultValue("P7D") String customerReplyTimeout,
        @DefaultValue Demo demo,
        @DefaultValue Outbox outbox) {

    /** {@code enabled}: demo tickets; {@code users}: the demo users (password "demo"). */
    public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("false") boolean users) {
    }

    /**
     * The notification outbox: a failed attempt is retried after {@code initialBackoff}, doubling up
     * to {@code maxBackoff}; a row left SENDING longer than {@code sendingTimeout} (its dispatcher died)
     * is sent again.
     */
    public record Outbox(@DefaultValue("PT5S") Duration pollInterval, @DefaultValue("5") int maxAttempts,
            @DefaultValue("PT30S") Duration initialBackoff, @DefaultValue("PT1H") Duration maxBackoff,
            @DefaultValue("PT5M") Duration sendingTimeout, @DefaultValue("50") int batchSize) {
    }
}
