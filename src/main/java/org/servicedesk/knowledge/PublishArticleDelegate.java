package org.servicedesk.knowledge;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicedesk.system.TimeSource;
import org.springframework.stereotype.Component;

/** {@code Task_PublishArticle}: the article (or its proposed revision) becomes published and searchable. */
@Component("publishArticleDelegate")
class PublishArticleDelegate implements JavaDelegate {

    private final KnowledgeArticles articles;

    private final TimeSource time;

    PublishArticleDelegate(KnowledgeArticles articles, TimeSource time) {
        this.articles = articles;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        articles.of(execution).publish(time.now());
    }
}
