package org.servicedesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CustomerLinkRepository extends JpaRepository<CustomerLink, Long> {

    Optional<CustomerLink> findByTokenHash(String tokenHash);

    List<CustomerLink> findByTicketIdOrderByIdAsc(Long ticketId);

    /** Marks the link used unless it was used already: 1 for the one request that wins, 0 for any other. */
    @Modifying(flushAutomatically = true)
    @Query("update CustomerLink l set l.usedAt = :now where l.id = :id and l.usedAt is null and l.expiresAt > :now")
    int use(@Param("id") Long id, @Param("now") Instant now);

    /** Ends the ticket's open links of this purpose (a newer link replaces them, or the answer came another way). */
    @Modifying(flushAutomatically = true)
    @Query("update CustomerLink l set l.expiresAt = :now where l.ticketId = :ticketId and l.purpose = :purpose"
            + " and l.usedAt is null and l.expiresAt > :now")
    int expireOpen(@Param("ticketId") Long ticketId, @Param("purpose") CustomerLinkPurpose purpose,
            @Param("now") Instant now);
}
