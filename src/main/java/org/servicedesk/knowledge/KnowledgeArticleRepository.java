package org.servicedesk.knowledge;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface KnowledgeArticleRepository extends JpaRepository<KnowledgeArticle, Long> {

    Optional<KnowledgeArticle> findBySourceTicketId(Long sourceTicketId);
}
