package org.servicedesk.crm;

import org.servicedesk.system.TimeSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Chooses the CRM by {@code servicedesk.crm.type}; any other value stops the start. */
@Configuration
class CrmConfiguration {

    @Bean
    CrmDirectory crmDirectory(CrmProperties properties, CustomerLookup builtIn, CustomerRepository customers,
            TimeSource time, ObjectMapper json) {
        return switch (properties.type()) {
            case "built-in" -> new BuiltInCrm(builtIn);
            case "http" -> new HttpCrm(properties.http(), customers, time, json);
            default -> throw new IllegalStateException(
                    "servicedesk.crm.type must be built-in or http, not " + properties.type());
        };
    }
}
