package org.servicedesk.crm;

import java.util.Optional;

import org.servicedesk.crm.CrmDirectory.Contact;
import org.servicedesk.privacy.BlindIndex;
import org.servicedesk.system.TimeSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Our customer table: finds a customer by id, phone or e-mail, or creates a STANDARD one. It is
 * the built-in CRM ({@link BuiltInCrm}) and the store of every customer, also of those an
 * external CRM answered.
 */
@Service
public class CustomerLookup {

    private final CustomerRepository customers;

    private final TimeSource time;

    private final BlindIndex index;

    CustomerLookup(CustomerRepository customers, TimeSource time, BlindIndex index) {
        this.customers = customers;
        this.time = time;
        this.index = index;
    }

    @Transactional
    public Customer findOrCreate(Contact contact) {
        return find(contact).orElseGet(() -> customers.save(new Customer(contact.name(), contact.phone(),
                contact.email(), CustomerTier.STANDARD, null, guessLanguage(contact.name()),
                contact.email() != null ? "EMAIL" : "SMS", time.now())));
    }

    @Transactional(readOnly = true)
    public Optional<Customer> find(Contact contact) {
        Optional<Customer> found = Optional.empty();
        if (contact.customerId() != null) {
            found = customers.findById(contact.customerId());
        }
        // phone and e-mail are encrypted: they are matched by their blind indexes (digits only, lower case)
        if (found.isEmpty() && index.phone(contact.phone()) != null) {
            found = customers.findFirstByPhoneBidxOrderByIdAsc(index.phone(contact.phone()));
        }
        if (found.isEmpty() && index.email(contact.email()) != null) {
            found = customers.findFirstByEmailBidxOrderByIdAsc(index.email(contact.email()));
        }
        return found;
    }

    @Transactional(readOnly = true)
    public Optional<Customer> byId(Long id) {
        return id == null ? Optional.empty() : customers.findById(id);
    }

    /** Chinese script in the name means Chinese messages; everything else gets English. */
    static String guessLanguage(String name) {
        return name != null && name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? "zh" : "en";
    }
}
