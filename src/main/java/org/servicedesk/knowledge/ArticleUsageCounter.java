package org.servicedesk.knowledge;

import org.camunda.bpm.engine.ProcessEngineException;
import org.servicedesk.ticket.ArticleUsed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Counts how often an article resolved a ticket ({@code times_used}). */
@Component
class ArticleUsageCounter {

    private final KnowledgeArticleRepository articles;

    ArticleUsageCounter(KnowledgeArticleRepository articles) {
        this.articles = articles;
    }

    @EventListener
    void on(ArticleUsed used) {
        if (articles.countUse(used.articleId()) == 0) {
            throw new ProcessEngineException("usedArticleId: there is no published article #" + used.articleId());
        }
    }
}
