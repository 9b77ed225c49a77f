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

    void redraft(String solution, Instant now) {
        this.solution = solution;
        this.updatedAt = now;
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
}
