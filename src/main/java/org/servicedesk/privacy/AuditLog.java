package org.servicedesk.privacy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditLog extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findByCustomerIdOrderByIdAsc(Long customerId);

    List<AuditEntry> findByTicketNumberOrderByIdAsc(String ticketNumber);
}
