package org.servicedesk.sla;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SlaClockRepository extends JpaRepository<SlaClock, Long> {

    List<SlaClock> findByTicketIdOrderByIdAsc(Long ticketId);

    List<SlaClock> findByTicketIdAndRoundAndClockInOrderByIdAsc(Long ticketId, int round, Collection<ClockKind> clocks);

    Optional<SlaClock> findFirstByTicketIdAndClockOrderByRoundDesc(Long ticketId, ClockKind clock);
}
