package org.servicedesk.knowledge;

import static org.servicedesk.knowledge.KnowledgeReview.PROCESS_ID;
import static org.servicedesk.knowledge.KnowledgeReview.VAR_ARTICLE_ID;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Starts the review of an article, once: not again while a review of it is running. */
@Service
class KnowledgeReviews {

    private final RuntimeService runtimeService;

    KnowledgeReviews(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** @return true if a review started, false if one was already running */
    boolean request(long articleId, String businessKey) {
        boolean running = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_ID)
                .variableValueEquals(VAR_ARTICLE_ID, articleId)
                .active()
                .count() > 0;
        if (running) {
            return false;
        }
        runtimeService.startProcessInstanceByKey(PROCESS_ID,
                businessKey != null ? businessKey : KnowledgeReview.businessKeyOf(articleId),
                Map.of(VAR_ARTICLE_ID, articleId));
        return true;
    }
}
