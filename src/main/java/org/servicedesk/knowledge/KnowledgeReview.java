package org.servicedesk.knowledge;

/**
 * The contract of {@code processes/knowledge-review.bpmn}: a supervisor reviews a drafted (or
 * revised) article and publishes, edits and publishes, or discards it. Business key: the number
 * of the ticket whose resolution produced the draft, or {@code KB-{articleId}}. The process
 * carries the article's id and the decision only; the texts stay in {@code knowledge_article}.
 */
public final class KnowledgeReview {

    public static final String PROCESS_ID = "KnowledgeArticleReviewProcess";

    public static final String RESOURCE = "processes/knowledge-review.bpmn";

    public static final String FORM_ID = "ReviewKnowledgeArticleForm";

    // activities
    public static final String START_ARTICLE_DRAFTED = "StartEvent_ArticleDrafted";
    public static final String TASK_REVIEW_KNOWLEDGE_ARTICLE = "Task_ReviewKnowledgeArticle";
    public static final String GATEWAY_ARTICLE_DECISION = "Gateway_ArticleDecision";
    public static final String TASK_PUBLISH_ARTICLE = "Task_PublishArticle";
    public static final String TASK_DISCARD_ARTICLE = "Task_DiscardArticle";
    public static final String END_ARTICLE_PUBLISHED = "EndEvent_ArticlePublished";
    public static final String END_ARTICLE_DISCARDED = "EndEvent_ArticleDiscarded";

    // process variables
    public static final String VAR_ARTICLE_ID = "articleId";
    public static final String VAR_ARTICLE_DECISION = "articleDecision";

    // task-local form fields of Task_ReviewKnowledgeArticle (prefilled, edited with EDIT_AND_PUBLISH)
    public static final String FIELD_TITLE = "title";
    public static final String FIELD_PROBLEM = "problem";
    public static final String FIELD_SOLUTION = "solution";
    public static final String FIELD_TAGS = "tags";

    public static final String DECISION_PUBLISH = "PUBLISH";
    public static final String DECISION_EDIT_AND_PUBLISH = "EDIT_AND_PUBLISH";
    public static final String DECISION_DISCARD = "DISCARD";

    public static String businessKeyOf(long articleId) {
        return "KB-" + articleId;
    }

    private KnowledgeReview() {
    }
}
