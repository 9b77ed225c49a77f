package org.servicedesk.privacy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ErasureRecords extends JpaRepository<ErasureRecord, Long> {

    List<ErasureRecord> findByCustomerId(Long customerId);
}
