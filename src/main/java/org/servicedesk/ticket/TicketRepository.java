package org.servicedesk.ticket;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketRepository extends JpaRepository<Ticket, Long> {

    Optional<Ticket> findByNumber(String number);

    /** A customer's tickets, latest first (their history for the agent). */
    List<Ticket> findTop50ByCustomerIdOrderByCreatedAtDescIdDesc(Long customerId);
}
