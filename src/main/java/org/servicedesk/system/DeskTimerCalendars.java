package org.servicedesk.system;

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
 * zone. Durations and dates keep the engine's calendars.
 */
@Component
class DeskTimerCalendars extends AbstractProcessEnginePlugin {

    private final ServiceDeskProperties properties;

    DeskTimerCalendars(ServiceDeskProperties properties) {
        this.properties = properties;
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
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new DeskZoneCycleCalendar(properties.zone()));
        configuration.setBusinessCalendarManager(calendars);
    }
}
