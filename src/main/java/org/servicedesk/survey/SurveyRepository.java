package org.servicedesk.survey;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SurveyRepository extends JpaRepository<Survey, Long> {

    Optional<Survey> findByToken(String token);

    Optional<Survey> findByTicketId(Long ticketId);

    /** Ticket id and overall score of the answered surveys of these tickets. */
    @Query("select s.ticketId, s.overall from Survey s where s.ticketId in :ticketIds and s.overall is not null")
    List<Object[]> overallScores(@Param("ticketIds") Collection<Long> ticketIds);
}
