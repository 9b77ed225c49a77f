package org.servicedesk.system;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The configurable timer durations and cycles, read by the BPMN timers as
 * {@code ${deskTimers.surveyDelay}}, and the cycle of each timer-started process, read as
 * {@code ${deskTimers.cycle('WeeklyServiceReportProcess')}} from the {@link StartSchedule} its own
 * module configures. The engine evaluates a cycle again each time its timer fires
 * ({@code reevaluate-time-cycle-when-due}), and {@link StartTimerScheduler} moves a waiting timer's
 * due date to a changed cycle on start-up.
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
