package org.servicedesk.crm;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.servicedesk.privacy.BlindIndex;
import org.servicedesk.privacy.BlindIndexListener;
import org.servicedesk.privacy.BlindIndexed;
import org.servicedesk.privacy.Encrypted;

/**
 * A customer of the built-in CRM. Personal data lives here and nowhere in the engine: name, phone
 * and e-mail are stored encrypted; phone and e-mail are found through their blind indexes.
 */
@Entity
@EntityListeners(BlindIndexListener.class)
public class Customer implements BlindIndexed {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_id")
    @SequenceGenerator(name = "customer_id", sequenceName = "customer_id_seq", allocationSize = 50)
    private Long id;

    @Encrypted
    private String name;

    @Encrypted
    private String phone;

    @Encrypted
    private String email;

    /** HMAC of the normalised phone, to find the customer by phone. */
    private String phoneBidx;

    /** HMAC of the normalised e-mail, to find the customer by e-mail. */
    private String emailBidx;

    @Enumerated(EnumType.STRING)
    private CustomerTier tier;

    private String industry;

    /** Language of messages to this customer: {@code zh} or {@code en}. */
    private String language;

    /** EMAIL or SMS. */
    private String preferredChannel;

    private Instant createdAt;

    /** The customer's id in the external CRM, when that CRM is the source; else null. */
    private String externalId;

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

    /** The external CRM's record: it names this customer, and its data replaces ours. */
    void takeFromExternal(String externalId, String name, String phone, String email, CustomerTier tier,
            String industry, String language) {
        this.externalId = externalId;
        if (name != null) {
            this.name = name;
        }
        if (phone != null) {
            this.phone = phone;
        }
        if (email != null) {
            this.email = email;
        }
        this.tier = tier;
        if (industry != null) {
            this.industry = industry;
        }
        if (language != null) {
            this.language = language;
        }
    }

    @Override
    public void updateBlindIndexes(BlindIndex index) {
        this.phoneBidx = index.phone(phone);
        this.emailBidx = index.email(email);
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

    public String getExternalId() {
        return externalId;
    }
}
