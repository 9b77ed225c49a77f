package org.servicedesk.knowledge;

import org.servicedesk.ticket.ArticleUsed;
import org.servicedesk.ticket.TaskFields;
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
            throw TaskFields.invalid("usedArticleId", "usedArticleId: there is no published article #" + used.articleId());
        }
    }
}
