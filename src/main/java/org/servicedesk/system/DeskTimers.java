package org.servicedesk.system;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The configurable timer durations and cycles, read by the BPMN timers as
 * {@code ${deskTimers.surveyDelay}}, and the cycle of each timer-started process, read as
 * {@code ${deskTimers.cycle('WeeklyServiceReportProcess')}} from the {@link StartSchedule} its own
 * module configures. A cycle is evaluated when its process is deployed; a changed cycle reaches the
 * waiting timer through {@link StartTimerScheduler} on start-up.
 */
@Component("deskTimers")
public class DeskTimers {

    private final ServiceDeskProperties properties;

    private final List<StartSchedule> schedules;

    DeskTimers(ServiceDeskProperties properties, List<StartSchedule> schedules) {
        this.properties = properties;
        this.schedules = schedules;
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

    /** The cron of the timer start event of this process, from its {@link StartSchedule}. */
    public String cycle(String processDefinitionKey) {
        return schedules.stream().filter(schedule -> schedule.processDefinitionKey().equals(processDefinitionKey))
                .findFirst().map(StartSchedule::cycle)
                .orElseThrow(() -> new IllegalArgumentException("no start schedule for " + processDefinitionKey));
    }
}
