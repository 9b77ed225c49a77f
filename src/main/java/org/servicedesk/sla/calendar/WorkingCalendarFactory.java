package org.servicedesk.sla.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.servicedesk.sla.calendar.SlaCalendarProperties.CalendarSettings;
import org.springframework.core.io.ResourceLoader;

/** Turns {@link SlaCalendarProperties} into calendars, with messages that name what is wrong. */
final class WorkingCalendarFactory {

    private WorkingCalendarFactory() {
    }

    /** 24x7 and the configured calendars (the defaults when none is configured), in name order. */
    static Map<String, WorkingCalendar> create(SlaCalendarProperties properties, ResourceLoader resources) {
        Map<String, CalendarSettings> configured = properties == null || properties.calendars() == null
                || properties.calendars().isEmpty() ? SlaCalendarProperties.defaultCalendars() : properties.calendars();
        Map<String, WorkingCalendar> calendars = new LinkedHashMap<>();
        calendars.put(AroundTheClockCalendar.NAME, AroundTheClockCalendar.INSTANCE);
        new TreeMap<>(configured).forEach((name, settings) -> {
            if (AroundTheClockCalendar.NAME.equals(name)) {
                throw new IllegalStateException("servicedesk.sla.calendars." + name
                        + ": the calendar 24x7 is built in (every instant is working time) and cannot be configured");
            }
            calendars.put(name, create(name, settings, resources));
        });
        return calendars;
    }

    static BusinessHoursCalendar create(String name, CalendarSettings settings, ResourceLoader resources) {
        String where = "servicedesk.sla.calendars." + name;
        try {
            if (settings == null) {
                throw new IllegalArgumentException("is empty");
            }
            ZoneId zone = zone(settings.zone());
            Map<DayOfWeek, List<WorkingRange>> weekly = weekly(settings.hours());
            if (weekly.values().stream().allMatch(List::isEmpty)) {
                throw new IllegalArgumentException("has no working hours (hours.monday: \"09:00-18:00\", ...)");
            }
            Set<LocalDate> holidays = new TreeSet<>(dates(settings.holidays(), "holidays"));
            for (String file : orEmpty(settings.holidayFiles())) {
                if (file == null || file.isBlank()) {
                    throw new IllegalArgumentException("holiday-files has a blank entry");
                }
                holidays.addAll(HolidayFile.read(resources.getResource(file.strip())));
            }
            Map<LocalDate, List<WorkingRange>> extra = new TreeMap<>();
            List<LocalDate> extraDays = dates(settings.extraWorkingDays(), "extra-working-days");
            if (!extraDays.isEmpty()) {
                List<WorkingRange> extraHours = settings.extraWorkingDayHours() != null
                        ? day("extra-working-day-hours", settings.extraWorkingDayHours())
                        : weekly.getOrDefault(DayOfWeek.MONDAY, List.of());
                if (extraHours.isEmpty()) {
                    throw new IllegalArgumentException("extra-working-days need extra-working-day-hours (Monday is closed)");
                }
                extraDays.forEach(date -> extra.put(date, extraHours));
            }
            return new BusinessHoursCalendar(name, zone, weekly, holidays, extra);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new IllegalArgumentException("zone is missing (e.g. zone: Asia/Shanghai)");
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone '" + zone + "' is not a time-zone id (e.g. Asia/Shanghai)", e);
        }
    }

    private static Map<DayOfWeek, List<WorkingRange>> weekly(Map<String, String> hours) {
        Map<DayOfWeek, List<WorkingRange>> weekly = new EnumMap<>(DayOfWeek.class);
        if (hours == null) {
            return weekly;
        }
        hours.forEach((key, ranges) -> {
            DayOfWeek day = dayOfWeek(key);
            if (weekly.containsKey(day)) {
                throw new IllegalArgumentException("hours has " + day.toString().toLowerCase(Locale.ROOT) + " twice");
            }
            weekly.put(day, day("hours." + key, ranges));
        });
        return weekly;
    }

    private static List<WorkingRange> day(String where, String ranges) {
        try {
            return WorkingRange.parseDay(ranges);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static DayOfWeek dayOfWeek(String key) {
        String text = key.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (text.equals(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT))
                    || text.equals(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT))) {
                return day;
            }
        }
        throw new IllegalArgumentException("hours." + key + ": not a day of the week (monday .. sunday)");
    }

    private static List<LocalDate> dates(List<String> texts, String where) {
        List<LocalDate> dates = new ArrayList<>();
        for (String text : orEmpty(texts)) {
            try {
                dates.add(LocalDate.parse(text == null ? "" : text.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": '" + text + "' is not a date yyyy-MM-dd", e);
            }
        }
        return dates;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
