package org.servicedesk.engine;

import java.time.ZoneId;

/**
 * The zone in which the engine reads the cron cycles of timers ({@link DeskZoneCycleCalendar}):
 * the desk's zone, which the desk's configuration provides.
 */
public interface CycleZone {

    ZoneId zone();
}
