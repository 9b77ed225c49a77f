package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.knowledge.ArticleStatus;
import org.servicedesk.knowledge.KnowledgeArticle;
import org.servicedesk.knowledge.KnowledgeArticleRepository;
import org.servicedesk.knowledge.KnowledgeReview;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Confirmation;
import org.servicedesk.ticket.CustomerConfirmations;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 4, knowledge base, end to end on H2: a resolved tier-2 ticket produces a draft; after
 * review it is found by search and suggested for a similar new ticket; resolving with it counts
 * its use, and a later tier-2 resolution of that ticket revises the same article.
 */
@SpringBootTest
@ActiveProfiles("test")
class KnowledgeBaseTest {

    @Autowired WebApplicationContext context;
    MockMvc mvc;

    @BeforeEach
    void logIn() {
        mvc = LoggedIn.mvc(context, "alice");
    }
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired TicketIntake intake;
    @Autowired CustomerConfirmations confirmations;
    @Autowired TicketRepository tickets;
    @Autowired KnowledgeArticleRepository articles;

    TicketScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new TicketScenario(runtimeService, taskService, managementService);
    }

    @Test
    void aTier2ResolutionBecomesAReviewedArticleThatIsFoundSuggestedAndCounted() throws Exception {
        // a tier-2 resolution, approved and confirmed: the closed ticket leaves a draft and a review
        String first = intakeAndRoute();
        scenario.escalateFromTier1(first, "Needs remote diagnosis of the firmware");
        scenario.resolveAtTier2(first, "Firmware 2.4.1 installed remotely; the paper feed works again.");
        scenario.review(first, true, "Compliant");
        confirmations.answer(first, new Confirmation(true, null));
        KnowledgeArticle draft = articles.findBySourceTicketId(ticket(first).getId()).orElseThrow();
        assertThat(draft.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(draft.getTitle()).isEqualTo("Printer does not print");
        ProcessInstance review = review(first);
        assertThat(review).as("review of the draft, business key = the ticket number").isNotNull();

        // a draft is not found by default, only when asked for drafts
        mvc.perform(get("/api/knowledge").param("q", "paper jams"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/knowledge").param("q", "paper jams").param("status", "DRAFT"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(draft.getId()));

        publish(review);

        mvc.perform(get("/api/knowledge").param("q", "paper jams firmware"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[0].id").value(draft.getId()))
                .andExpect(jsonPath("$[0].title").value("Printer does not print"))
                .andExpect(jsonPath("$[0].snippet").value("Firmware 2.4.1 installed remotely; the paper feed works again."))
                .andExpect(jsonPath("$[0].product").value("P100"))
                .andExpect(jsonPath("$[0].category").value("TECHNICAL_FAULT"))
                .andExpect(jsonPath("$[0].timesUsed").value(0));

        // a similar new ticket: tier 1 sees the article among the suggestions
        String second = intakeAndRoute();
        Task tier1 = scenario.openTask(second, TicketLifecycle.TASK_HANDLE_TIER1);
        assertThat((String) taskService.getVariableLocal(tier1.getId(), "knowledgeSuggestions"))
                .startsWith("- #" + draft.getId() + " Printer does not print — Firmware 2.4.1 installed remotely");

        // resolving with it counts its use and remembers it on the ticket
        scenario.work(second, TicketLifecycle.TASK_HANDLE_TIER1, "alice", Map.of(
                TicketLifecycle.VAR_TIER1_OUTCOME, "RESOLVED",
                TicketLifecycle.VAR_RESOLUTION, "Please install firmware 2.4.1 (article #" + draft.getId() + ").",
                TicketLifecycle.VAR_USED_ARTICLE_ID, draft.getId()));
        assertThat(articles.findById(draft.getId()).orElseThrow().getTimesUsed()).isEqualTo(1);
        assertThat(ticket(second).getUsedArticleId()).isEqualTo(draft.getId());
        assertThat(runtimeService.getVariable(scenario.lifecycle(second).getId(), TicketLifecycle.VAR_USED_ARTICLE_ID))
                .as("the process keeps no copy").isNull();
        mvc.perform(get("/api/knowledge").param("q", "printer"))
                .andExpect(jsonPath("$[0].timesUsed").value(1));

        // it did not help; tier 2 finds a better solution: the used article is revised, not duplicated
        reviewIfAsked(second);
        confirmations.answer(second, new Confirmation(false, "Still jams"));
        scenario.escalateFromTier1(second, "Firmware is current, still jams");
        scenario.resolveAtTier2(second, "Replace the pick-up roller (part PR-100).");
        scenario.review(second, true, "OK");
        confirmations.answer(second, new Confirmation(true, null));
        assertThat(articles.findBySourceTicketId(ticket(second).getId())).isEmpty();
        KnowledgeArticle revised = articles.findById(draft.getId()).orElseThrow();
        assertThat(revised.getStatus()).as("stays published during the review").isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(revised.getProposedSolution()).isEqualTo("Replace the pick-up roller (part PR-100).");
        ProcessInstance revision = review(second);
        assertThat(runtimeService.getVariable(revision.getId(), KnowledgeReview.VAR_ARTICLE_ID)).isEqualTo(draft.getId());

        publish(revision);
        mvc.perform(get("/api/knowledge").param("q", "roller"))
                .andExpect(jsonPath("$[*].id", hasItem(draft.getId().intValue())));
        assertThat(articles.findById(draft.getId()).orElseThrow().getSolution())
                .isEqualTo("Replace the pick-up roller (part PR-100).");
    }

    @Test
    void resolvingWithAnUnknownArticleIsRejected() {
        String number = intakeAndRoute();
        Task tier1 = scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER1);
        taskService.claim(tier1.getId(), "alice");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(tier1.getId(), Map.of(
                TicketLifecycle.VAR_TIER1_OUTCOME, "RESOLVED", TicketLifecycle.VAR_RESOLUTION, "See article",
                TicketLifecycle.VAR_USED_ARTICLE_ID, 999_999L)))
                .hasMessageContaining("no published article #999999");
        assertThat(scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER1)).isNotNull();
    }

    @Test
    void aMissingBlankOrOverlongQueryIsABadRequest() throws Exception {
        mvc.perform(get("/api/knowledge"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/api/knowledge").param("q", "  "))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/knowledge").param("q", "x".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("too long"));
        mvc.perform(get("/api/knowledge").param("q", "printer").param("status", "LOST"))
                .andExpect(status().isBadRequest());
    }

    private String intakeAndRoute() {
        String number = intake.create(TicketScenario.newTicket(Category.TECHNICAL_FAULT, Priority.P1)).getNumber();
        scenario.executeDueJobs();
        return number;
    }

    private void reviewIfAsked(String number) {
        if (scenario.openTask(number, TicketLifecycle.TASK_REVIEW_RESOLUTION) != null) {
            scenario.review(number, true, "OK");
        }
    }

    private ProcessInstance review(String ticketNumber) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(KnowledgeReview.PROCESS_ID)
                .processInstanceBusinessKey(ticketNumber).active().singleResult();
    }

    private void publish(ProcessInstance review) {
        Task task = taskService.createTaskQuery().processInstanceId(review.getId())
                .taskDefinitionKey(KnowledgeReview.TASK_REVIEW_KNOWLEDGE_ARTICLE).singleResult();
        taskService.claim(task.getId(), "sam");
        taskService.complete(task.getId(), Map.of(KnowledgeReview.VAR_ARTICLE_DECISION, KnowledgeReview.DECISION_PUBLISH));
    }

    private Ticket ticket(String number) {
        return tickets.findByNumber(number).orElseThrow();
    }
}
