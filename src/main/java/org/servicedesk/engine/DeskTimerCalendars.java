package org.servicedesk.engine;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine {@link DeskZoneCycleCalendar} as its calendar of timer cycles, so that a cron
 * cycle (the weekly timer start events) fires in {@code servicedesk.zone}, whatever the JVM's
 * zone ({@link CycleZone}). Durations and dates keep the engine's calendars.
 */
@Component
class DeskTimerCalendars extends AbstractProcessEnginePlugin {

    private final CycleZone zone;

    DeskTimerCalendars(CycleZone zone) {
        this.zone = zone;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        BusinessCalendarManager existing = configuration.getBusinessCalendarManager();
        MapBusinessCalendarManager calendars;
        if (existing instanceof MapBusinessCalendarManager map) {
            calendars = map;
        } else {
            calendars = new MapBusinessCalendarManager();
            calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
            calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
        }
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new DeskZoneCycleCalendar(zone.zone()));
        configuration.setBusinessCalendarManager(calendars);
    }
}
