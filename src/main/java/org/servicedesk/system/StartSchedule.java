package org.servicedesk.system;

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
}
