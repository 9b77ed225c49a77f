package org.servicedesk.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * The weekly report as the plain text of the managers' e-mail: one line per indicator row, in
 * the report's order, and the link to the full report (JSON or CSV). Kept within the outbox's
 * 4,000 characters: lines that do not fit are left to the full report.
 */
final class ReportSummary {

    static final int MAX_LENGTH = 3800;

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("average_first_response_time", "Average first response time"),
            Map.entry("first_response_tickets", "Tickets created and responded to"),
            Map.entry("average_resolution_time", "Average resolution time"),
            Map.entry("closed_tickets", "Tickets closed"),
            Map.entry("first_contact_resolution_rate", "First-contact resolution rate"),
            Map.entry("one_time_resolution_rate", "One-time resolution rate"),
            Map.entry("satisfaction_score", "Satisfaction score"),
            Map.entry("surveys_answered", "Surveys answered"),
            Map.entry("repeat_complaint_rate", "Repeat-complaint rate"),
            Map.entry("complaint_tickets", "Complaint tickets"),
            Map.entry("stage_time_share", "Share of time in"),
            Map.entry("backlog", "Backlog at the end of the week"),
            Map.entry("top_escalation_reason", "Escalation reason"),
            Map.entry("sla_compliance", "SLA compliance"),
            Map.entry("sla_clocks_stopped", "SLA clocks stopped"),
            Map.entry("sampled_tickets", "Tickets sampled for quality inspection"),
            Map.entry("inspected_tickets", "Tickets inspected"),
            Map.entry("inspection_pass_rate", "Inspection pass rate"),
            Map.entry("inspection_attitude_score", "Inspection attitude score"),
            Map.entry("open_inspections", "Inspections still open"));

    private ReportSummary() {
    }

    static String of(WeeklyReport.Report report, ZoneId zone, String reportUrl) {
        LocalDate monday = LocalDate.ofInstant(report.from(), zone);
        String footer = "\nFull report: " + reportUrl + " (CSV with the header Accept: text/csv)";
        StringBuilder text = new StringBuilder("Monday " + monday + " to Sunday " + monday.plusDays(6) + " ("
                + zone.getId() + ")\n\n");
        for (WeeklyReport.Row row : report.indicators()) {
            String line = "- " + line(row) + "\n";
            if (text.length() + line.length() + footer.length() > MAX_LENGTH) {
                text.append("- … more in the full report\n");
                break;
            }
            text.append(line);
        }
        return text.append(footer).toString();
    }

    private static String line(WeeklyReport.Row row) {
        String label = LABELS.getOrDefault(row.indicator(), row.indicator());
        String dimension = row.dimension() == null || row.dimension().isEmpty() ? "" : " " + row.dimension();
        return label + dimension + ": " + value(row.value(), row.unit());
    }

    static String value(BigDecimal value, String unit) {
        if (value == null) {
            return "no data";
        }
        return switch (unit) {
            case WeeklyReport.MINUTES -> value.toPlainString() + " min";
            case WeeklyReport.RATIO -> value.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
            case WeeklyReport.SCORE -> value.toPlainString() + " of 5";
            default -> value.toPlainString();
        };
    }
}
