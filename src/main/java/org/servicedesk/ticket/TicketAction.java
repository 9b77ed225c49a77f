package org.servicedesk.ticket;

/** What happened to a ticket, as written to its timeline. */
public enum TicketAction {
    RECEIVED("Ticket received"),
    CUSTOMER_IDENTIFIED("Customer identified in the CRM"),
    ROUTED("Routed"),
    QUEUED("Waiting in queue"),
    CLAIMED("Claimed"),
    RESOLVED("Solution proposed"),
    ESCALATED("Escalated"),
    FIX_PLANNED("Fix planned"),
    REVIEW_APPROVED("Review approved"),
    REVIEW_REJECTED("Review rejected"),
    SOLUTION_SENT("Solution sent to the customer"),
    CUSTOMER_CONFIRMED("Customer confirmed the solution"),
    CUSTOMER_REJECTED("Customer rejected the solution, ticket reopened"),
    CONFIRMATION_TIMED_OUT("No answer from the customer, confirmed by timeout"),
    CLOSED("Closed"),
    KNOWLEDGE_DRAFTED("Knowledge article drafted"),
    SLA_POLICY_APPLIED("Service levels set"),
    SLA_WARNED("SLA warning"),
    SLA_BREACHED("SLA breached"),
    ESCALATED_TO_MANAGERS("Escalated to the department director"),
    SLA_BREACH_HANDLED("SLA breach handled"),
    INFORMATION_REQUESTED("Customer asked for information"),
    CUSTOMER_REPLIED("Customer replied"),
    AGENT_REPLIED("Reply sent to the customer"),
    REASSIGNED("Reassigned"),
    PRIORITY_CHANGED("Priority changed"),
    RESOLUTION_CLOCK_PAUSED("Resolution clock paused"),
    RESOLUTION_CLOCK_RESUMED("Resolution clock resumed"),
    SURVEY_SENT("Satisfaction survey sent"),
    SURVEY_ANSWERED("Satisfaction survey answered"),
    SURVEY_EXPIRED("Satisfaction survey expired unanswered"),
    FOLLOWED_UP("Dissatisfied customer followed up"),
    LIFECYCLE_MIGRATED("Moved to a newer version of the ticket lifecycle");

    private final String label;

    TicketAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
