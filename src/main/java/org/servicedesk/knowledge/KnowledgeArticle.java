package org.servicedesk.knowledge;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A knowledge-base article; tier-2/3 resolutions start as drafts. */
@Entity
public class KnowledgeArticle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private String problem;

    private String solution;

    private String product;

    private String category;

    private String tags;

    @Enumerated(EnumType.STRING)
    private ArticleStatus status;

    private Long sourceTicketId;

    private int timesUsed;

    private Instant createdAt;

    private Instant updatedAt;

    /** A revision from a later resolution, waiting for review while the published text stays. */
    private String proposedSolution;

    private Instant publishedAt;

    protected KnowledgeArticle() {
    }

    KnowledgeArticle(String title, String problem, String solution, String product, String category,
            Long sourceTicketId, Instant now) {
        this.title = title;
        this.problem = problem;
        this.solution = solution;
        this.product = product;
        this.category = category;
        this.sourceTicketId = sourceTicketId;
        this.status = ArticleStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A new resolution for this article: a draft takes it as its solution (a discarded one
     * becomes a draft again); a published article keeps its text and holds it as a proposal
     * until the review publishes or discards it.
     */
    void revise(String newSolution, Instant now) {
        if (status == ArticleStatus.PUBLISHED) {
            this.proposedSolution = newSolution;
        } else {
            this.solution = newSolution;
            this.status = ArticleStatus.DRAFT;
        }
        this.updatedAt = now;
    }

    /** The reviewer's edit (EDIT_AND_PUBLISH); blank values keep what is there. */
    void edit(String newTitle, String newProblem, String newSolution, String newTags, Instant now) {
        if (newTitle != null && !newTitle.isBlank()) {
            this.title = newTitle.strip();
        }
        if (newProblem != null && !newProblem.isBlank()) {
            this.problem = newProblem.strip();
        }
        if (newSolution != null && !newSolution.isBlank()) {
            this.solution = newSolution.strip();
            this.proposedSolution = null;
        }
        if (newTags != null) {
            this.tags = newTags.isBlank() ? null : newTags.strip();
        }
        this.updatedAt = now;
    }

    /** Publishes the draft, or the proposed revision of a published article. */
    void publish(Instant now) {
        if (proposedSolution != null) {
            this.solution = proposedSolution;
            this.proposedSolution = null;
        }
        this.status = ArticleStatus.PUBLISHED;
        this.publishedAt = now;
        this.updatedAt = now;
    }

    /** Discards the draft (it retires) or the proposed revision (the published text stays). */
    void discard(Instant now) {
        if (status == ArticleStatus.PUBLISHED) {
            this.proposedSolution = null;
        } else {
            this.status = ArticleStatus.RETIRED;
        }
        this.updatedAt = now;
    }

    /** The solution a reviewer should look at: the proposal if there is one. */
    String solutionUnderReview() {
        return proposedSolution != null ? proposedSolution : solution;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getProblem() {
        return problem;
    }

    public String getSolution() {
        return solution;
    }

    public String getProduct() {
        return product;
    }

    public String getCategory() {
        return category;
    }

    public String getTags() {
        return tags;
    }

    public ArticleStatus getStatus() {
        return status;
    }

    public Long getSourceTicketId() {
        return sourceTicketId;
    }

    public int getTimesUsed() {
        return timesUsed;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getProposedSolution() {
        return proposedSolution;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
