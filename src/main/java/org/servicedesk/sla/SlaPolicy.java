package org.servicedesk.sla;

import java.util.Map;

/**
 * One row of decision {@code SlaPolicy} (processes/sla-policy.dmn): targets and warning leads
 * as ISO-8601 durations of working time in {@code calendar}.
 */
public record SlaPolicy(String calendar, String assignmentTarget, String assignmentWarningLead,
        String responseTarget, String responseWarningLead, String tier2FeedbackTarget, String tier2FeedbackWarningLead,
        String resolutionTarget, String resolutionWarningLead, String resolutionEscalationAfter) {

    public static final String DECISION = "SlaPolicy";

    static SlaPolicy of(Map<String, Object> row) {
        return new SlaPolicy(text(row, "calendar"), text(row, "assignmentTarget"), text(row, "assignmentWarningLead"),
                text(row, "responseTarget"), text(row, "responseWarningLead"), text(row, "tier2FeedbackTarget"),
                text(row, "tier2FeedbackWarningLead"), text(row, "resolutionTarget"), text(row, "resolutionWarningLead"),
                text(row, "resolutionEscalationAfter"));
    }

    private static String text(Map<String, Object> row, String output) {
        Object value = row.get(output);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("decision SlaPolicy gave no " + output);
        }
        return value.toString();
    }
}
