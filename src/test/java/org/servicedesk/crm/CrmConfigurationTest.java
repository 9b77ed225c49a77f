package org.servicedesk.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A wrong CRM setting stops the start with a message that names the property. */
class CrmConfigurationTest {

    final CrmConfiguration configuration = new CrmConfiguration();

    @Test
    void builtInIsTheBuiltInCrm() {
        assertThat(configuration.crmDirectory(new CrmProperties("built-in", http(URI.create("http://crm"), Map.of())),
                null, null, null, null)).isInstanceOf(BuiltInCrm.class);
    }

    @Test
    void anUnknownTypeStopsTheStart() {
        assertThatThrownBy(() -> configuration.crmDirectory(new CrmProperties("ldap", http(null, Map.of())), null,
                null, null, null)).hasMessage("servicedesk.crm.type must be built-in or http, not ldap");
    }

    @Test
    void httpNeedsABaseUrl() {
        assertThatThrownBy(() -> configuration.crmDirectory(new CrmProperties("http", http(null, Map.of())), null,
                null, null, new ObjectMapper())).hasMessageContaining("servicedesk.crm.http.base-url is required");
    }

    @Test
    void aTierMappingToAnUnknownTierStopsTheStart() {
        assertThatThrownBy(() -> configuration.crmDirectory(
                new CrmProperties("http", http(URI.create("http://crm"), Map.of("GOLD", "PLATINUM"))), null, null, null,
                new ObjectMapper())).hasMessageContaining("servicedesk.crm.http.tier-mapping.GOLD must be one of");
    }

    private static CrmProperties.Http http(URI baseUrl, Map<String, String> tierMapping) {
        return new CrmProperties.Http(baseUrl, null, null, null, null, Duration.ofSeconds(2), Duration.ofSeconds(5),
                new CrmProperties.Paths("/customers/{id}", "/customers", "phone", "email", "/customers"),
                new CrmProperties.Fields("id", "name", "phone", "email", "tier", "industry", "language"), tierMapping);
    }
}
