package org.servicedesk.system;

import org.springframework.stereotype.Component;

/** The configurable timer durations, read by the BPMN timers as {@code ${deskTimers.surveyDelay}}. */
@Component("deskTimers")
public class DeskTimers {

    private final ServiceDeskProperties properties;

    DeskTimers(ServiceDeskProperties properties) {
        this.properties = properties;
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
}
