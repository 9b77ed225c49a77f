package org.servicedesk.sla.calendar;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The working-time calendars by name: {@code 24x7} and those of {@link SlaCalendarProperties}.
 * A configuration error (unknown zone, overlapping ranges, unreadable holiday file, ...) fails the
 * start with a message that names the setting.
 */
@Component
public class WorkingCalendars {

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendars.class);

    private final Map<String, WorkingCalendar> calendars;

    private final Set<String> names;

    @Autowired
    public WorkingCalendars(SlaCalendarProperties properties, ResourceLoader resources) {
        this(WorkingCalendarFactory.create(properties, resources).values());
        calendars.values().forEach(calendar -> log.info("SLA calendar {}", calendar));
    }

    private WorkingCalendars(Collection<WorkingCalendar> calendars) {
        Map<String, WorkingCalendar> byName = new LinkedHashMap<>();
        byName.put(AroundTheClockCalendar.NAME, AroundTheClockCalendar.INSTANCE);
        for (WorkingCalendar calendar : calendars) {
            byName.put(calendar.name(), calendar);
        }
        this.calendars = Collections.unmodifiableMap(byName);
        this.names = Collections.unmodifiableSet(new TreeSet<>(byName.keySet()));
    }

    /** These calendars and 24x7, e.g. for tests of other packages. */
    public static WorkingCalendars of(WorkingCalendar... calendars) {
        return new WorkingCalendars(List.of(calendars));
    }

    /** The calendar of this name; IllegalArgumentException naming it and the known ones. */
    public WorkingCalendar get(String name) {
        WorkingCalendar calendar = name == null ? null : calendars.get(name);
        if (calendar == null) {
            throw new IllegalArgumentException(
                    "unknown working-time calendar '" + name + "'; known calendars: " + String.join(", ", names()));
        }
        return calendar;
    }

    /** The names of the calendars, sorted. */
    public Set<String> names() {
        return names;
    }
}
