package org.servicedesk.survey;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SurveyRepository extends JpaRepository<Survey, Long> {

    Optional<Survey> findByToken(String token);

    Optional<Survey> findByTicketId(Long ticketId);
}
