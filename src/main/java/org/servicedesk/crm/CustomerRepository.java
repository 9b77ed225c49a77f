package org.servicedesk.crm;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    Optional<Customer> findFirstByPhoneOrderByIdAsc(String phone);

    Optional<Customer> findFirstByEmailIgnoreCaseOrderByIdAsc(String email);

    Optional<Customer> findByExternalId(String externalId);
}
