package org.servicedesk.survey;

import java.time.Instant;
import java.util.stream.IntStream;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import org.servicedesk.privacy.Encrypted;

/** A satisfaction survey (template D): sent once per closed ticket, answered once by its token. */
@Entity
public class Survey {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "survey_id")
    @SequenceGenerator(name = "survey_id", sequenceName = "survey_id_seq", allocationSize = 50)
    private Long id;

    private Long ticketId;

    private String token;

    @Enumerated(EnumType.STRING)
    private SurveyStatus status;

    private Instant sentAt;

    private Instant answeredAt;

    private Integer responseSpeed;

    private Integer resolutionEfficiency;

    private Integer attitude;

    private Integer effectiveness;

    private Integer overall;

    /** The customer's own words: stored encrypted. */
    @Encrypted
    private String comment;

    @Version
    private long version;

    protected Survey() {
    }

    Survey(Long ticketId, String token, Instant sentAt) {
        this.ticketId = ticketId;
        this.token = token;
        this.sentAt = sentAt;
        this.status = SurveyStatus.SENT;
    }

    void answer(SurveyAnswer answer, Instant at) {
        this.responseSpeed = answer.responseSpeed();
        this.resolutionEfficiency = answer.resolutionEfficiency();
        this.attitude = answer.attitude();
        this.effectiveness = answer.effectiveness();
        this.overall = answer.overall();
        this.comment = answer.comment();
        this.answeredAt = at;
        this.status = SurveyStatus.ANSWERED;
    }

    void expire() {
        if (status == SurveyStatus.SENT) {
            status = SurveyStatus.EXPIRED;
        }
    }

    public int lowestScore() {
        return IntStream.of(responseSpeed, resolutionEfficiency, attitude, effectiveness, overall).min().orElseThrow();
    }

    public Long getId() {
        return id;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public String getToken() {
        return token;
    }

    public SurveyStatus getStatus() {
        return status;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Integer getResponseSpeed() {
        return responseSpeed;
    }

    public Integer getResolutionEfficiency() {
        return resolutionEfficiency;
    }

    public Integer getAttitude() {
        return attitude;
    }

    public Integer getEffectiveness() {
        return effectiveness;
    }

    public Integer getOverall() {
        return overall;
    }

    public String getComment() {
        return comment;
    }
}
