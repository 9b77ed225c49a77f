package org.servicedesk.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.servicedesk.system.ServiceDeskProperties;
import org.servicedesk.system.TimeSource;
import org.springframework.stereotype.Component;

/**
 * Start listener of the weekly timer start events: fixes the process's {@code week} (e.g.
 * {@code 2026-W47}) as the last ISO week completed, in the desk's zone, when the timer fires. A
 * step retried later, even after an incident of days, still works on that week.
 */
@Component("lastCompletedWeekListener")
public class LastCompletedWeekListener implements ExecutionListener {

    public static final String VAR_WEEK = "week";

    private final ServiceDeskProperties properties;

    private final TimeSource time;

    LastCompletedWeekListener(ServiceDeskProperties properties, TimeSource time) {
        this.properties = properties;
        this.time = time;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable(VAR_WEEK) == null) {
            execution.setVariable(VAR_WEEK, ReportWeek.lastCompleted(time.now(), properties.zone()).label());
        }
    }
}
