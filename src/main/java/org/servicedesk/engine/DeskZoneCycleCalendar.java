package org.servicedesk.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.scheduling.support.CronExpression;

/**
 * The engine's calendar of timer cycles, with cron cycles read in the desk's zone. Camunda's own
 * reads a cron in the JVM's default zone, so "0 0 8 * * MON" would fire at 08:00 UTC on a server
 * that runs in UTC. Same cron syntax as the engine's (Spring: second minute hour day month
 * weekday); ISO-8601 repetitions ({@code R/…}) are the engine's.
 */
public class DeskZoneCycleCalendar extends CycleBusinessCalendar {

    private final ZoneId zone;

    public DeskZoneCycleCalendar(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Date resolveDuedate(String cycle, Date startDate, long repeatOffset) {
        if (cycle.startsWith("R")) {
            return super.resolveDuedate(cycle, startDate, repeatOffset);
        }
        Instant after = (startDate == null ? ClockUtil.getCurrentTime() : startDate).toInstant();
        try {
            return Date.from(nextFire(cycle, zone, after));
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException("timer cycle '" + cycle + "' is no cron expression: " + e.getMessage(), e);
        }
    }

    /** The first time after {@code after} that the cron matches, read in {@code zone}. */
    public static Instant nextFire(String cron, ZoneId zone, Instant after) {
        ZonedDateTime next = CronExpression.parse(cron).next(after.atZone(zone));
        if (next == null) {
            throw new IllegalArgumentException("'" + cron + "' never fires after " + after);
        }
        return next.toInstant();
    }

    public ZoneId zone() {
        return zone;
    }
}
