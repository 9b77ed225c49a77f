package org.servicedesk.crm;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    /** By the blind index of the phone ({@link org.servicedesk.privacy.BlindIndex#phone}). */
    Optional<Customer> findFirstByPhoneBidxOrderByIdAsc(String phoneBidx);

    /** By the blind index of the e-mail ({@link org.servicedesk.privacy.BlindIndex#email}). */
    Optional<Customer> findFirstByEmailBidxOrderByIdAsc(String emailBidx);

    Optional<Customer> findByExternalId(String externalId);
}
