package org.servicedesk.sla;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SlaClockRepository extends JpaRepository<SlaClock, Long> {

    List<SlaClock> findByTicketIdOrderByIdAsc(Long ticketId);

    Optional<SlaClock> findFirstByTicketIdAndClockOrderByRoundDesc(Long ticketId, ClockKind clock);
}
