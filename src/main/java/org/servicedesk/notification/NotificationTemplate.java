package org.servicedesk.notification;

/**
 * The messages of the desk. Their texts are in {@code messages.properties} (English) and
 * {@code messages_zh.properties} (Chinese), keys {@code notification.<template>.subject} and
 * {@code .body}, rendered by {@link NotificationTexts} in the customer's language (staff messages in
 * English). Placeholders: {number}, {subject}, {link}, {clock}, {due}, {tier}, {reason}, {week},
 * {summary}. No template names the customer: bodies carry no personal data.
 */
public enum NotificationTemplate {

    TICKET_RECEIVED,
    SOLUTION_TO_CONFIRM,
    SURVEY_INVITATION,
    INFORMATION_REQUESTED,
    AGENT_REPLY,
    CLOSED_NO_REPLY,
    SLA_WARNING,
    SLA_ESCALATION,
    SLA_BREACH,
    ESCALATION,
    WEEKLY_REPORT;

    String subjectKey() {
        return "notification." + name() + ".subject";
    }

    String bodyKey() {
        return "notification." + name() + ".body";
    }
}
