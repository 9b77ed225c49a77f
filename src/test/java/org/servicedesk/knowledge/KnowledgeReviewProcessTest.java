package org.servicedesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.servicedesk.knowledge.KnowledgeReview.DECISION_DISCARD;
import static org.servicedesk.knowledge.KnowledgeReview.DECISION_EDIT_AND_PUBLISH;
import static org.servicedesk.knowledge.KnowledgeReview.DECISION_PUBLISH;
import static org.servicedesk.knowledge.KnowledgeReview.END_ARTICLE_DISCARDED;
import static org.servicedesk.knowledge.KnowledgeReview.END_ARTICLE_PUBLISHED;
import static org.servicedesk.knowledge.KnowledgeReview.PROCESS_ID;
import static org.servicedesk.knowledge.KnowledgeReview.TASK_DISCARD_ARTICLE;
import static org.servicedesk.knowledge.KnowledgeReview.TASK_PUBLISH_ARTICLE;
import static org.servicedesk.knowledge.KnowledgeReview.TASK_REVIEW_KNOWLEDGE_ARTICLE;
import static org.servicedesk.knowledge.KnowledgeReview.VAR_ARTICLE_DECISION;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.CoveredProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path through {@code KnowledgeArticleReviewProcess}: publish as is, edit and publish,
 * discard a draft, discard a proposed revision of a published article; one review per article.
 */
@CoveredProcessTest
class KnowledgeReviewProcessTest {

    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired KnowledgeArticleRepository articles;
    @Autowired KnowledgeReviews reviews;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
    }

    @Test
    void aSupervisorPublishesTheDraftAsItIs() {
        KnowledgeArticle draft = draft("Printer jams on every page", "Firmware 2.4.1 fixes the paper feed.");
        assertThat(reviews.request(draft.getId(), "TK-20261123-0001")).isTrue();
        ProcessInstance instance = review(draft);
        assertThat(instance).isWaitingAt(TASK_REVIEW_KNOWLEDGE_ARTICLE);
        assertThat(instance).task().hasCandidateGroup("supervisors");
        assertThat(instance.getBusinessKey()).isEqualTo("TK-20261123-0001");
        Task task = task(instance);
        assertThat(taskService.getVariablesLocal(task.getId())).containsEntry("title", "Printer jams on every page")
                .containsEntry("solution", "Firmware 2.4.1 fixes the paper feed.")
                .containsEntry("articleNumber", "#" + draft.getId()).containsEntry("articleStatus", "DRAFT")
                .containsEntry("publishedSolution", "");

        complete(task, DECISION_PUBLISH);

        assertThat(instance).hasPassed(TASK_PUBLISH_ARTICLE, END_ARTICLE_PUBLISHED).isEnded();
        KnowledgeArticle published = articles.findById(draft.getId()).orElseThrow();
        assertThat(published.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.getPublishedAt()).isNotNull();
        // the process keeps the article's id and the decision, no texts
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
                .filteredOn(variable -> variable.getTaskId() == null)
                .extracting(variable -> variable.getName())
                .containsExactlyInAnyOrder(KnowledgeReview.VAR_ARTICLE_ID, VAR_ARTICLE_DECISION);
    }

    @Test
    void editsAreAppliedWithEditAndPublishOnly() {
        KnowledgeArticle draft = draft("printer broken", "Firmware fix.");
        reviews.request(draft.getId(), null);
        ProcessInstance instance = review(draft);
        assertThat(instance.getBusinessKey()).isEqualTo("KB-" + draft.getId());
        Task task = task(instance);
        // what Tasklist does on submit: the fields are task-local, so the edits stay on the task
        taskService.setVariablesLocal(task.getId(), Map.of("title", "Printer jams on every page",
                "solution", "Install firmware 2.4.1 (Settings → Update).", "tags", "printer, firmware, jam"));

        complete(task, DECISION_EDIT_AND_PUBLISH);

        assertThat(instance).hasPassed(TASK_PUBLISH_ARTICLE, END_ARTICLE_PUBLISHED).isEnded();
        KnowledgeArticle published = articles.findById(draft.getId()).orElseThrow();
        assertThat(published.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.getTitle()).isEqualTo("Printer jams on every page");
        assertThat(published.getSolution()).isEqualTo("Install firmware 2.4.1 (Settings → Update).");
        assertThat(published.getTags()).isEqualTo("printer, firmware, jam");
        assertThat(published.getProblem()).isEqualTo("The customer's printer problem.");
    }

    @Test
    void aDiscardedDraftRetires() {
        KnowledgeArticle draft = draft("Customer was not at home", "Came back the next day.");
        reviews.request(draft.getId(), null);
        ProcessInstance instance = review(draft);
        Task task = task(instance);
        taskService.setVariablesLocal(task.getId(), Map.of("title", "ignored without EDIT_AND_PUBLISH"));

        complete(task, DECISION_DISCARD);

        assertThat(instance).hasPassed(TASK_DISCARD_ARTICLE, END_ARTICLE_DISCARDED).hasNotPassed(TASK_PUBLISH_ARTICLE)
                .isEnded();
        KnowledgeArticle retired = articles.findById(draft.getId()).orElseThrow();
        assertThat(retired.getStatus()).isEqualTo(ArticleStatus.RETIRED);
        assertThat(retired.getTitle()).isEqualTo("Customer was not at home");
    }

    @Test
    void aRevisionOfAPublishedArticleIsReviewedWhileThePublishedTextStays() {
        KnowledgeArticle article = draft("Oven does not heat", "Reset the thermostat.");
        article.publish(NOW);
        article.revise("Replace the heating element.", NOW);
        articles.saveAndFlush(article);
        reviews.request(article.getId(), null);
        ProcessInstance instance = review(article);
        Task task = task(instance);
        assertThat(taskService.getVariablesLocal(task.getId()))
                .containsEntry("solution", "Replace the heating element.")
                .containsEntry("publishedSolution", "Reset the thermostat.")
                .containsEntry("articleStatus", "PUBLISHED");

        complete(task, DECISION_DISCARD);

        assertThat(instance).hasPassed(END_ARTICLE_DISCARDED).isEnded();
        KnowledgeArticle kept = articles.findById(article.getId()).orElseThrow();
        assertThat(kept.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(kept.getSolution()).isEqualTo("Reset the thermostat.");
        assertThat(kept.getProposedSolution()).isNull();
    }

    @Test
    void oneReviewPerArticleAtATimeAndTheDecisionIsChecked() {
        KnowledgeArticle draft = draft("Scanner is slow", "Use 300 dpi.");
        assertThat(reviews.request(draft.getId(), null)).isTrue();
        assertThat(reviews.request(draft.getId(), "TK-20261123-0002")).isFalse();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .variableValueEquals(KnowledgeReview.VAR_ARTICLE_ID, draft.getId()).count()).isEqualTo(1);

        Task task = task(review(draft));
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(VAR_ARTICLE_DECISION, "MAYBE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("articleDecision");
        taskService.setVariablesLocal(task.getId(), Map.of("title", " "));
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(VAR_ARTICLE_DECISION, DECISION_EDIT_AND_PUBLISH)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("title");

        complete(task, DECISION_PUBLISH);
        assertThat(articles.findById(draft.getId()).orElseThrow().getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(reviews.request(draft.getId(), null)).as("a new review once the first ended").isTrue();
        complete(task(review(draft)), DECISION_PUBLISH);
    }

    private KnowledgeArticle draft(String title, String solution) {
        return articles.saveAndFlush(new KnowledgeArticle(title, "The customer's printer problem.", solution, "P100",
                "TECHNICAL_FAULT", null, NOW));
    }

    private ProcessInstance review(KnowledgeArticle article) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .variableValueEquals(KnowledgeReview.VAR_ARTICLE_ID, article.getId()).active().singleResult();
    }

    private Task task(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_REVIEW_KNOWLEDGE_ARTICLE).singleResult();
    }

    private void complete(Task task, String decision) {
        taskService.claim(task.getId(), "sam");
        taskService.complete(task.getId(), Map.of(VAR_ARTICLE_DECISION, decision));
    }
}
