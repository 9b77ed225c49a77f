package org.servicedesk.crm;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A customer of the built-in CRM. Personal data lives here and nowhere in the engine. */
@Entity
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String phone;

    private String email;

    @Enumerated(EnumType.STRING)
    private CustomerTier tier;

    private String industry;

    /** Language of messages to this customer: {@code zh} or {@code en}. */
    private String language;

    /** EMAIL or SMS. */
    private String preferredChannel;

    private Instant createdAt;

    protected Customer() {
    }

    public Customer(String name, String phone, String email, CustomerTier tier, String industry, String language,
            String preferredChannel, Instant createdAt) {
        this.name = name;
        this.phone = phone;
        this.email = email;
        this.tier = tier;
        this.industry = industry;
        this.language = language;
        this.preferredChannel = preferredChannel;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public CustomerTier getTier() {
        return tier;
    }

    public String getIndustry() {
        return industry;
    }

    public String getLanguage() {
        return language;
    }

    public String getPreferredChannel() {
        return preferredChannel;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
