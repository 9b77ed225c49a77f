package org.servicedesk.knowledge;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicedesk.system.TimeSource;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DiscardArticle}: a draft retires; a proposed revision of a published article is
 * dropped and the published text stays.
 */
@Component("discardArticleDelegate")
class DiscardArticleDelegate implements JavaDelegate {

    private final KnowledgeArticles articles;

    private final TimeSource time;

    DiscardArticleDelegate(KnowledgeArticles articles, TimeSource time) {
        this.articles = articles;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        articles.of(execution).discard(time.now());
    }
}
