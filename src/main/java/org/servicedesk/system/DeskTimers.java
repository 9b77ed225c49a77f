package org.servicedesk.system;

import org.servicedesk.quality.QualityInspectionProperties;
import org.servicedesk.reporting.WeeklyReportProperties;
import org.springframework.stereotype.Component;

/**
 * The configurable timer durations and cycles, read by the BPMN timers as
 * {@code ${deskTimers.surveyDelay}}. A cycle is evaluated when its process is deployed; a changed
 * cycle reaches the waiting timer through {@link StartTimerScheduler} on start-up.
 */
@Component("deskTimers")
public class DeskTimers {

    private final ServiceDeskProperties properties;

    private final WeeklyReportProperties weeklyReport;

    private final QualityInspectionProperties qualityInspection;

    DeskTimers(ServiceDeskProperties properties, WeeklyReportProperties weeklyReport,
            QualityInspectionProperties qualityInspection) {
        this.properties = properties;
        this.weeklyReport = weeklyReport;
        this.qualityInspection = qualityInspection;
    }

    public String getConfirmationTimeout() {
        return properties.confirmationTimeout();
    }

    public String getSurveyDelay() {
        return properties.surveyDelay();
    }

    public String getSurveyExpiry() {
        return properties.surveyExpiry();
    }

    public String getCustomerReplyTimeout() {
        return properties.customerReplyTimeout();
    }

    /** Cron of {@code StartEvent_EveryMonday} in {@code WeeklyServiceReportProcess}. */
    public String getWeeklyReportCycle() {
        return weeklyReport.cycle();
    }

    /** Cron of {@code StartEvent_EveryMonday} in {@code QualityInspectionProcess}. */
    public String getQualityInspectionCycle() {
        return qualityInspection.cycle();
    }
}
