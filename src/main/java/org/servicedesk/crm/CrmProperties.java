package org.servicedesk.crm;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The CRM ({@code servicedesk.crm.*}): {@code type} {@code built-in} (default) or {@code http}, and
 * for {@code http} the external CRM's address, credentials, timeouts, endpoints and JSON field names.
 *
 * <pre>
 * servicedesk:
 *   crm:
 *     type: http
 *     http:
 *       base-url: https://crm.example.com/api
 *       username: desk                  # basic auth, or:
 *       api-key-header: X-API-Key
 *       api-key: ${CRM_API_KEY}
 *       connect-timeout: PT2S
 *       read-timeout: PT5S
 *       paths: { by-id: /customers/{id}, search: /customers, phone-param: phone, email-param: email, create: /customers }
 *       fields: { id: id, name: name, phone: phone, email: email, tier: tier, industry: industry, language: language }
 *       tier-mapping: { GOLD: VIP, SILVER: MEMBER, BASIC: STANDARD }
 * </pre>
 */
@ConfigurationProperties("servicedesk.crm")
record CrmProperties(@DefaultValue("built-in") String type, @DefaultValue Http http) {

    /**
     * @param baseUrl the external CRM's base URL (required for {@code type: http})
     * @param username with {@code password}: HTTP basic authentication
     * @param apiKeyHeader with {@code apiKey}: the API key is sent in this header
     * @param tierMapping the external CRM's tier values (any case) to ours ({@code VIP}, {@code MEMBER},
     *        {@code STANDARD}); a value that is neither mapped nor one of ours means {@code STANDARD}
     */
    record Http(URI baseUrl, String username, String password, String apiKeyHeader, String apiKey,
            @DefaultValue("PT2S") Duration connectTimeout, @DefaultValue("PT5S") Duration readTimeout,
            @DefaultValue Paths paths, @DefaultValue Fields fields, Map<String, String> tierMapping) {

        Http {
            tierMapping = tierMapping == null ? Map.of() : Map.copyOf(tierMapping);
        }
    }

    /**
     * Endpoints, relative to the base URL: {@code GET byId} (with {@code {id}}, the external id),
     * {@code GET search?phoneParam=…} or {@code ?emailParam=…} (answers a JSON array or one object;
     * 404 or an empty array means none), {@code POST create} (answers the created customer).
     */
    record Paths(@DefaultValue("/customers/{id}") String byId, @DefaultValue("/customers") String search,
            @DefaultValue("phone") String phoneParam, @DefaultValue("email") String emailParam,
            @DefaultValue("/customers") String create) {
    }

    /** JSON field names of a customer in the external CRM; a dotted name is a nested field ({@code contact.phone}). */
    record Fields(@DefaultValue("id") String id, @DefaultValue("name") String name,
            @DefaultValue("phone") String phone, @DefaultValue("email") String email,
            @DefaultValue("tier") String tier, @DefaultValue("industry") String industry,
            @DefaultValue("language") String language) {
    }
}
