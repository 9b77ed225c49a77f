package org.servicedesk.survey;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.servicedesk.privacy.Encrypted;

/** The follow-up of a dissatisfied answer (template C). */
@Entity
public class FollowUp {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "follow_up_id")
    @SequenceGenerator(name = "follow_up_id", sequenceName = "follow_up_id_seq", allocationSize = 50)
    private Long id;

    private Long ticketId;

    private Long surveyId;

    /** The customer's survey comment: stored encrypted. */
    @Encrypted
    private String feedback;

    private int score;

    private String cause;

    private String actions;

    private String owner;

    private String outcome;

    private Instant completedAt;

    protected FollowUp() {
    }

    FollowUp(Survey survey, String cause, String actions, String owner, String outcome, Instant completedAt) {
        this.ticketId = survey.getTicketId();
        this.surveyId = survey.getId();
        this.feedback = survey.getComment();
        this.score = survey.lowestScore();
        this.cause = cause;
        this.actions = actions;
        this.owner = owner;
        this.outcome = outcome;
        this.completedAt = completedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public Long getSurveyId() {
        return surveyId;
    }

    public String getFeedback() {
        return feedback;
    }

    public int getScore() {
        return score;
    }

    public String getCause() {
        return cause;
    }

    public String getActions() {
        return actions;
    }

    public String getOwner() {
        return owner;
    }

    public String getOutcome() {
        return outcome;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
