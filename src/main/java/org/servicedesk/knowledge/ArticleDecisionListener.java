package org.servicedesk.knowledge;

import static org.servicedesk.knowledge.KnowledgeReview.DECISION_DISCARD;
import static org.servicedesk.knowledge.KnowledgeReview.DECISION_EDIT_AND_PUBLISH;
import static org.servicedesk.knowledge.KnowledgeReview.DECISION_PUBLISH;
import static org.servicedesk.knowledge.KnowledgeReview.FIELD_PROBLEM;
import static org.servicedesk.knowledge.KnowledgeReview.FIELD_SOLUTION;
import static org.servicedesk.knowledge.KnowledgeReview.FIELD_TAGS;
import static org.servicedesk.knowledge.KnowledgeReview.FIELD_TITLE;
import static org.servicedesk.knowledge.KnowledgeReview.VAR_ARTICLE_DECISION;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicedesk.system.TimeSource;
import org.servicedesk.ticket.TaskFields;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_ReviewKnowledgeArticle}: checks {@code articleDecision} and,
 * with EDIT_AND_PUBLISH, applies the reviewer's edits to the article. Only the decision stays
 * in the process; edited texts that reached the process scope are removed again.
 */
@Component("articleDecisionListener")
class ArticleDecisionListener implements TaskListener {

    private static final Set<String> DECISIONS = Set.of(DECISION_PUBLISH, DECISION_EDIT_AND_PUBLISH, DECISION_DISCARD);

    private static final List<String> FIELDS = List.of(FIELD_TITLE, FIELD_PROBLEM, FIELD_SOLUTION, FIELD_TAGS);

    private final KnowledgeArticles articles;

    private final TimeSource time;

    ArticleDecisionListener(KnowledgeArticles articles, TimeSource time) {
        this.articles = articles;
        this.time = time;
    }

    @Override
    public void notify(DelegateTask task) {
        Object value = task.getVariable(VAR_ARTICLE_DECISION);
        String decision = value == null ? null : value.toString();
        if (!DECISIONS.contains(decision)) {
            throw TaskFields.invalid(VAR_ARTICLE_DECISION, VAR_ARTICLE_DECISION + " must be PUBLISH, EDIT_AND_PUBLISH or DISCARD");
        }
        if (DECISION_EDIT_AND_PUBLISH.equals(decision)) {
            String title = text(task, FIELD_TITLE);
            String solution = text(task, FIELD_SOLUTION);
            if (title == null || title.isBlank() || solution == null || solution.isBlank()) {
                throw TaskFields.invalid(FIELD_SOLUTION, "an edited article needs a title and a solution");
            }
            articles.of(task).edit(title, text(task, FIELD_PROBLEM), solution, text(task, FIELD_TAGS), time.now());
        }
        FIELDS.forEach(field -> task.getExecution().removeVariable(field));
    }

    private static String text(DelegateTask task, String field) {
        Object value = task.getVariable(field);
        return value == null ? null : value.toString();
    }
}
