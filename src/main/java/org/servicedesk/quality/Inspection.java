package org.servicedesk.quality;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A sampled ticket of a week and, once inspected, the inspector's scores: request understood,
 * solution effective, process compliance (pass or fail each), attitude (1 to 5) and notes.
 */
@Entity
@Table(name = "quality_inspection")
public class Inspection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String sampleWeek;

    private Long ticketId;

    @Enumerated(EnumType.STRING)
    private SampleReason reason;

    private String processInstanceId;

    private Instant sampledAt;

    private String inspector;

    private Instant inspectedAt;

    private Boolean requestUnderstood;

    private Boolean solutionEffective;

    private Integer attitude;

    private Boolean processCompliant;

    private String notes;

    @Version
    private long version;

    protected Inspection() {
    }

    Inspection(String sampleWeek, Long ticketId, SampleReason reason, String processInstanceId, Instant sampledAt) {
        this.sampleWeek = sampleWeek;
        this.ticketId = ticketId;
        this.reason = reason;
        this.processInstanceId = processInstanceId;
        this.sampledAt = sampledAt;
    }

    void record(boolean requestUnderstood, boolean solutionEffective, int attitude, boolean processCompliant,
            String notes, String inspector, Instant at) {
        this.requestUnderstood = requestUnderstood;
        this.solutionEffective = solutionEffective;
        this.attitude = attitude;
        this.processCompliant = processCompliant;
        this.notes = notes;
        this.inspector = inspector;
        this.inspectedAt = at;
    }

    /** All three pass/fail criteria passed. */
    public boolean passed() {
        return Boolean.TRUE.equals(requestUnderstood) && Boolean.TRUE.equals(solutionEffective)
                && Boolean.TRUE.equals(processCompliant);
    }

    public Long getId() {
        return id;
    }

    public String getSampleWeek() {
        return sampleWeek;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public SampleReason getReason() {
        return reason;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getSampledAt() {
        return sampledAt;
    }

    public String getInspector() {
        return inspector;
    }

    public Instant getInspectedAt() {
        return inspectedAt;
    }

    public Boolean getRequestUnderstood() {
        return requestUnderstood;
    }

    public Boolean getSolutionEffective() {
        return solutionEffective;
    }

    public Integer getAttitude() {
        return attitude;
    }

    public Boolean getProcessCompliant() {
        return processCompliant;
    }

    public String getNotes() {
        return notes;
    }
}
