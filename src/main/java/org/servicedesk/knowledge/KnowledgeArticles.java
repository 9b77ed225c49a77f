package org.servicedesk.knowledge;

import static org.servicedesk.knowledge.KnowledgeReview.VAR_ARTICLE_ID;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/** Finds the article a review step works on, by the {@code articleId} variable. */
@Service
class KnowledgeArticles {

    private final KnowledgeArticleRepository articles;

    KnowledgeArticles(KnowledgeArticleRepository articles) {
        this.articles = articles;
    }

    KnowledgeArticle of(VariableScope scope) {
        Object id = scope.getVariable(VAR_ARTICLE_ID);
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("process variable " + VAR_ARTICLE_ID + " is missing");
        }
        return articles.findById(number.longValue())
                .orElseThrow(() -> new IllegalStateException("no knowledge article with id " + id));
    }
}
