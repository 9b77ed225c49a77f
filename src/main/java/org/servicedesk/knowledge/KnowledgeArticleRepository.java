package org.servicedesk.knowledge;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface KnowledgeArticleRepository extends JpaRepository<KnowledgeArticle, Long> {

    Optional<KnowledgeArticle> findBySourceTicketId(Long sourceTicketId);

    /** One more use of a published article, in one statement (no lost update); 0 if there is none. */
    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("update KnowledgeArticle a set a.timesUsed = a.timesUsed + 1 where a.id = :id"
            + " and a.status = org.servicedesk.knowledge.ArticleStatus.PUBLISHED")
    int countUse(@Param("id") long id);
}
