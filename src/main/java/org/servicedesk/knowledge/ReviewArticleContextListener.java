package org.servicedesk.knowledge;

import static org.servicedesk.knowledge.KnowledgeReview.FIELD_PROBLEM;
import static org.servicedesk.knowledge.KnowledgeReview.FIELD_SOLUTION;
import static org.servicedesk.knowledge.KnowledgeReview.FIELD_TAGS;
import static org.servicedesk.knowledge.KnowledgeReview.FIELD_TITLE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of {@code Task_ReviewKnowledgeArticle}: the article's texts as task-local
 * variables, which prefill the form's fields. Edits the reviewer submits land in these
 * task-local variables and go away with the task (see {@link ArticleDecisionListener}).
 */
@Component("reviewArticleContextListener")
class ReviewArticleContextListener implements TaskListener {

    private final KnowledgeArticles articles;

    ReviewArticleContextListener(KnowledgeArticles articles) {
        this.articles = articles;
    }

    @Override
    public void notify(DelegateTask task) {
        KnowledgeArticle article = articles.of(task);
        task.setVariableLocal("articleNumber", "#" + article.getId());
        task.setVariableLocal("articleStatus", article.getStatus().name());
        task.setVariableLocal("product", article.getProduct() == null ? "" : article.getProduct());
        task.setVariableLocal("category", article.getCategory());
        task.setVariableLocal("timesUsed", article.getTimesUsed());
        task.setVariableLocal("publishedSolution",
                article.getProposedSolution() != null ? article.getSolution() : "");
        task.setVariableLocal(FIELD_TITLE, article.getTitle());
        task.setVariableLocal(FIELD_PROBLEM, article.getProblem());
        task.setVariableLocal(FIELD_SOLUTION, article.solutionUnderReview());
        task.setVariableLocal(FIELD_TAGS, article.getTags() == null ? "" : article.getTags());
    }
}
