package org.servicedesk.crm;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.servicedesk.system.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code servicedesk.crm.type=http}: an external CRM over HTTP/JSON (settings in {@link CrmProperties.Http}).
 * It looks the contact up by the external id of our customer, then by phone, then by e-mail, and
 * creates an unknown customer there as STANDARD. The external record is copied into our customer
 * table (matched by {@code external_id}), so tickets link to our customer id as with the built-in CRM.
 * Any failure (no connection, timeout, HTTP error, unreadable answer) is a {@link CrmUnavailableException}.
 */
class HttpCrm implements CrmDirectory {

    private static final Logger log = LoggerFactory.getLogger(HttpCrm.class);

    private final CrmProperties.Http settings;

    private final CustomerRepository customers;

    private final TimeSource time;

    private final ObjectMapper json;

    private final RestClient client;

    HttpCrm(CrmProperties.Http settings, CustomerRepository customers, TimeSource time, ObjectMapper json) {
        if (settings.baseUrl() == null) {
            throw new IllegalStateException("servicedesk.crm.http.base-url is required when servicedesk.crm.type is http");
        }
        settings.tierMapping().forEach((external, ours) -> {
            try {
                CustomerTier.valueOf(ours.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("servicedesk.crm.http.tier-mapping." + external + " must be one of "
                        + Arrays.toString(CustomerTier.values()) + ", not " + ours);
            }
        });
        this.settings = settings;
        this.customers = customers;
        this.time = time;
        this.json = json;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        String base = settings.baseUrl().toString();
        this.client = RestClient.builder()
                .requestFactory(requests)
                .baseUrl(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                .defaultHeaders(headers -> authenticate(headers, settings))
                .build();
    }

    private static void authenticate(HttpHeaders headers, CrmProperties.Http settings) {
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        if (settings.username() != null && !settings.username().isBlank()) {
            String pair = settings.username() + ":" + (settings.password() == null ? "" : settings.password());
            headers.set(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        if (settings.apiKeyHeader() != null && !settings.apiKeyHeader().isBlank() && settings.apiKey() != null) {
            headers.set(settings.apiKeyHeader(), settings.apiKey());
        }
    }

    @Override
    public Customer findOrCreate(Contact contact) {
        Optional<Customer> known = contact.customerId() == null ? Optional.empty()
                : customers.findById(contact.customerId());
        Optional<JsonNode> found = Optional.empty();
        if (known.isPresent() && known.get().getExternalId() != null) {
            String externalId = known.get().getExternalId();
            found = get(uri -> uri.path(settings.paths().byId()).build(externalId));
        }
        String phone = hasText(contact.phone()) ? contact.phone() : known.map(Customer::getPhone).orElse(null);
        String email = hasText(contact.email()) ? contact.email() : known.map(Customer::getEmail).orElse(null);
        if (found.isEmpty() && hasText(phone)) {
            found = search(settings.paths().phoneParam(), phone);
        }
        if (found.isEmpty() && hasText(email)) {
            found = search(settings.paths().emailParam(), email);
        }
        String name = known.map(Customer::getName).orElse(contact.name());
        JsonNode record = found.orElseGet(() -> create(name, phone, email));
        return store(record, name, phone, email);
    }

    private Optional<JsonNode> search(String parameter, String value) {
        return get(uri -> uri.path(settings.paths().search()).queryParam(parameter, "{value}").build(value))
                .flatMap(answer -> answer.isArray() ? (answer.isEmpty() ? Optional.empty() : Optional.of(answer.get(0)))
                        : Optional.of(answer));
    }

    private Optional<JsonNode> get(Function<UriBuilder, URI> uri) {
        return call(() -> client.get().uri(uri).exchange((request, response) -> {
            if (response.getStatusCode().value() == 404) {
                return Optional.empty();
            }
            if (response.getStatusCode().isError()) {
                throw new CrmUnavailableException("HTTP " + response.getStatusCode().value());
            }
            return Optional.of(read(response.getBody()));
        }));
    }

    private JsonNode create(String name, String phone, String email) {
        CrmProperties.Fields fields = settings.fields();
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, fields.name(), name);
        put(body, fields.phone(), phone);
        put(body, fields.email(), email);
        put(body, fields.tier(), externalTier(CustomerTier.STANDARD));
        put(body, fields.language(), CustomerLookup.guessLanguage(name));
        return call(() -> client.post().uri(uri -> uri.path(settings.paths().create()).build())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw new CrmUnavailableException("HTTP " + response.getStatusCode().value() + " on create");
                    }
                    return read(response.getBody());
                }));
    }

    /** Copies the external record into our customer table. */
    private Customer store(JsonNode record, String contactName, String contactPhone, String contactEmail) {
        CrmProperties.Fields fields = settings.fields();
        String externalId = text(record, fields.id());
        if (externalId == null) {
            throw new CrmUnavailableException("answer without the id field '" + fields.id() + "'");
        }
        String name = text(record, fields.name());
        String phone = text(record, fields.phone());
        String email = text(record, fields.email());
        String language = text(record, fields.language());
        Customer customer = customers.findByExternalId(externalId).orElseGet(() -> {
            String localName = name != null ? name : contactName;
            String localEmail = email != null ? email : contactEmail;
            return new Customer(localName == null ? "?" : localName, phone != null ? phone : contactPhone,
                    localEmail, CustomerTier.STANDARD, null, CustomerLookup.guessLanguage(localName),
                    localEmail != null ? "EMAIL" : "SMS", time.now());
        });
        boolean isNew = customer.getId() == null;
        customer.takeFromExternal(externalId, name, phone, email, tier(text(record, fields.tier())),
                text(record, fields.industry()), language == null ? null : language.toLowerCase(Locale.ROOT));
        Customer saved = customers.save(customer);
        if (isNew) {
            log.info("customer #{} copied from the external CRM", saved.getId());
        }
        return saved;
    }

    CustomerTier tier(String external) {
        if (external == null || external.isBlank()) {
            return CustomerTier.STANDARD;
        }
        String ours = settings.tierMapping().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(external.trim()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(external);
        try {
            return CustomerTier.valueOf(ours.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return CustomerTier.STANDARD;
        }
    }

    private String externalTier(CustomerTier tier) {
        return settings.tierMapping().entrySet().stream()
                .filter(e -> e.getValue().trim().equalsIgnoreCase(tier.name()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(tier.name());
    }

    private JsonNode read(InputStream body) throws IOException {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode() || node.isNull()) {
                throw new CrmUnavailableException("empty answer");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new CrmUnavailableException("unreadable answer");
        }
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException e) {
            Throwable cause = e.getCause();
            boolean timeout = cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException;
            throw new CrmUnavailableException(timeout ? "timeout"
                    : "no connection (" + (cause == null ? e.getClass() : cause.getClass()).getSimpleName() + ")");
        } catch (RestClientException e) {
            throw new CrmUnavailableException(e.getClass().getSimpleName());
        }
    }

    /** Sets a field of a JSON body; a dotted name is a nested object. */
    private static void put(Map<String, Object> body, String field, Object value) {
        if (field == null || field.isBlank() || value == null) {
            return;
        }
        String[] parts = field.split("\\.");
        Map<String, Object> target = body;
        for (int i = 0; i < parts.length - 1; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> next = (Map<String, Object>) target.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
            target = next;
        }
        target.put(parts[parts.length - 1], value);
    }

    private static String text(JsonNode record, String field) {
        if (field == null || field.isBlank()) {
            return null;
        }
        JsonNode value = record.at("/" + field.replace(".", "/"));
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
