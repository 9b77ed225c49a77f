package org.servicedesk.reporting;

import org.servicedesk.system.StartSchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code servicedesk.weekly-report.*}: when {@code WeeklyServiceReportProcess} e-mails the last
 * week's report, and to whom. The cycle is a cron in the desk's zone; a wrong one stops the start.
 */
@ConfigurationProperties("servicedesk.weekly-report")
public record WeeklyReportProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 0 8 * * MON") String cycle,
        @DefaultValue("managers") String recipientGroup) implements StartSchedule {

    public WeeklyReportProperties {
        StartSchedule.requireCron("servicedesk.weekly-report.cycle", cycle, "0 0 8 * * MON");
        if (recipientGroup == null || recipientGroup.isBlank()) {
            throw new IllegalArgumentException("servicedesk.weekly-report.recipient-group must name a group");
        }
    }

    @Override
    public String processDefinitionKey() {
        return WeeklyServiceReport.PROCESS_ID;
    }

    @Override
    public String startEventId() {
        return WeeklyServiceReport.START_EVERY_MONDAY;
    }
}
