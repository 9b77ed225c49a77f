package org.servicedesk.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TicketEventRepository extends JpaRepository<TicketEvent, Long> {

    List<TicketEvent> findByTicketIdOrderByOccurredAtAscIdAsc(Long ticketId);
}
