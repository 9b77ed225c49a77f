package org.servicedesk.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Sends SMS through an HTTP gateway ({@code servicedesk.notification.sms.*}): one
 * {@code POST url} per segment with the JSON body {@code {"to": "...", "text": "...", "from": "..."}}
 * ({@code from} only when {@code sender-id} is set), HTTP basic and/or an API key header. Any
 * answer other than 2xx is a failed attempt. The gateway's {@code id} of the last segment, if it
 * answers with one, is kept as the message's reference.
 */
@Component
@Order(0)
@ConditionalOnProperty("servicedesk.notification.sms.url")
class SmsGatewaySender implements NotificationSender {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient gateway;

    private final NotificationProperties.Sms settings;

    SmsGatewaySender(RestClient.Builder builder, NotificationProperties properties) {
        this.settings = properties.sms();
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(settings.connectTimeout());
        requests.setReadTimeout(settings.readTimeout());
        RestClient.Builder configured = builder.requestFactory(requests);
        if (settings.username() != null) {
            configured = configured.defaultHeaders(h -> h.setBasicAuth(settings.username(),
                    settings.password() == null ? "" : settings.password()));
        }
        if (settings.apiKey() != null) {
            configured = configured.defaultHeader(settings.apiKeyHeader(), settings.apiKey());
        }
        this.gateway = configured.build();
    }

    @Override
    public Set<NotificationChannel> channels() {
        return Set.of(NotificationChannel.SMS);
    }

    @Override
    public String send(Notification notification) {
        List<String> segments = SmsSegments.of(notification.getBody());
        String reference = null;
        for (String segment : segments) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("to", notification.getRecipient());
            body.put("text", segment);
            if (settings.senderId() != null) {
                body.put("from", settings.senderId());
            }
            String answer = gateway.post().uri(settings.url()).contentType(MediaType.APPLICATION_JSON)
                    .body(body).retrieve().body(String.class);
            reference = idIn(answer, reference);
        }
        return reference;
    }

    private static String idIn(String answer, String otherwise) {
        if (answer == null || answer.isBlank()) {
            return otherwise;
        }
        try {
            JsonNode id = JSON.readTree(answer).path("id");
            return id.isMissingNode() || id.isNull() ? otherwise : id.asText();
        } catch (JsonProcessingException | RuntimeException e) {
            return otherwise; // the gateway took the message; its answer is not ours to understand
        }
    }
}
