package org.servicedesk.sla;

/** The service-level clocks of a ticket. */
public enum ClockKind {
    /** From intake until an agent claims the tier-1 task. */
    ASSIGNMENT("assignment"),
    /** From intake until the first message the customer sees. */
    RESPONSE("first response"),
    /** From each escalation to tier 2 until tier 2 answers. */
    TIER2_FEEDBACK("tier-2 feedback"),
    /** From intake until the solution is sent; paused while the desk waits for the customer. */
    RESOLUTION("resolution");

    private final String label;

    ClockKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
