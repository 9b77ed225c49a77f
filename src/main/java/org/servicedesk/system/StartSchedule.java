package org.servicedesk.system;

import org.springframework.scheduling.support.CronExpression;

/**
 * A process started by a timer start event whose cron cycle comes from the configuration. On
 * start-up {@link StartTimerScheduler} makes the waiting timer follow {@link #cycle()} and
 * suspends it when the schedule is not {@link #enabled()}.
 */
public interface StartSchedule {

    String processDefinitionKey();

    /** Id of the timer start event. */
    String startEventId();

    /** Spring cron (second minute hour day month weekday), read in {@code servicedesk.zone}. */
    String cycle();

    boolean enabled();

    /** Stops the start on a cycle that is no cron expression, naming the property and an example. */
    static void requireCron(String property, String cycle, String example) {
        if (cycle == null || !CronExpression.isValidExpression(cycle)) {
            throw new IllegalArgumentException(property + " must be a cron expression"
                    + " (second minute hour day month weekday, e.g. \"" + example + "\"): " + cycle);
        }
    }
}
