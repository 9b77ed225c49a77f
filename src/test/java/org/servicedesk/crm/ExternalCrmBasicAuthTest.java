package org.servicedesk.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The external CRM with basic authentication: right credentials find the customer, wrong ones fail safely. */
@SpringBootTest
@ActiveProfiles("test")
class ExternalCrmBasicAuthTest {

    static final FakeExternalCrm CRM = new FakeExternalCrm();

    @DynamicPropertySource
    static void externalCrm(DynamicPropertyRegistry registry) throws IOException {
        CRM.start();
        registry.add("servicedesk.crm.type", () -> "http");
        registry.add("servicedesk.crm.http.base-url", () -> CRM.baseUrl() + "/");
        registry.add("servicedesk.crm.http.username", () -> "desk");
        registry.add("servicedesk.crm.http.password", () -> "s3cret");
        registry.add("servicedesk.crm.http.fields.id", () -> "customerId");
        registry.add("servicedesk.crm.http.fields.name", () -> "fullName");
        registry.add("servicedesk.crm.http.fields.phone", () -> "contact.mobile");
        registry.add("servicedesk.crm.http.fields.email", () -> "contact.mail");
        registry.add("servicedesk.crm.http.fields.tier", () -> "level");
    }

    @AfterAll
    static void stopCrm() {
        CRM.stop();
    }

    @Autowired CrmDirectory crm;

    @Autowired CustomerRepository customers;

    @Test
    void basicAuthenticationFindsTheCustomerByEmailAndOurOwnTierNamesNeedNoMapping() {
        String externalId = CRM.add("Ada Lovelace", "+44 20 7946 0000", "ada@example.org", "vip", "Science");

        Customer customer = crm.findOrCreate(new CrmDirectory.Contact(null, "Ada", null, "ada@example.org"));

        assertThat(customer.getId()).isNotNull();
        assertThat(customer.getExternalId()).isEqualTo(externalId);
        assertThat(customer.getTier()).isEqualTo(CustomerTier.VIP);
        assertThat(customer.getName()).isEqualTo("Ada Lovelace");
        assertThat(customer.getPreferredChannel()).isEqualTo("EMAIL");
        assertThat(customers.findByExternalId(externalId)).isPresent();
    }

    @Test
    void anUnknownTierValueIsStandardAndAnAnswerWithoutIdFails() {
        CRM.add("Bob", "13300000033", null, "PLATINUM-PLUS", null);
        assertThat(crm.findOrCreate(new CrmDirectory.Contact(null, "Bob", "13300000033", null)).getTier())
                .isEqualTo(CustomerTier.STANDARD);

        String broken = CRM.add("Carl", "13300000034", null, "VIP", null);
        CRM.record(broken).remove("customerId");
        assertThatThrownBy(() -> crm.findOrCreate(new CrmDirectory.Contact(null, "Carl", "13300000034", null)))
                .isInstanceOf(CrmUnavailableException.class)
                .hasMessage("CRM lookup failed: answer without the id field 'customerId' from crm");
    }
}
