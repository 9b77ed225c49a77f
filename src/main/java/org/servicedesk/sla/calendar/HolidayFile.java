package org.servicedesk.sla.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

import org.springframework.core.io.Resource;

/**
 * Reads holidays from an iCalendar (RFC 5545) file: every all-day VEVENT closes the dates from
 * its {@code DTSTART;VALUE=DATE} up to its {@code DTEND;VALUE=DATE} (exclusive), or for its
 * {@code DURATION} in days, or just the start date when it has neither. Cancelled events are
 * skipped; other components (time zones, to-do items, ...) are ignored.
 *
 * <p>Strict on purpose, as a wrong holiday silently moves due dates: an event with a date-time
 * (not all-day), a recurrence (RRULE, RDATE), an end not after its start or longer than a year
 * is an error naming the file and the event.
 */
public final class HolidayFile {

    private static final int MAX_EVENT_DAYS = 366;

    private HolidayFile() {
    }

    /** The holiday dates of the file; IllegalArgumentException naming the file and what is wrong. */
    public static SortedSet<LocalDate> read(Resource resource) {
        String source = resource.getDescription();
        if (!resource.exists()) {
            throw new IllegalArgumentException("holiday file " + source + " does not exist");
        }
        try (InputStream in = resource.getInputStream()) {
            return read(in, source);
        } catch (IOException e) {
            throw new IllegalArgumentException("holiday file " + source + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The holiday dates of iCalendar text in UTF-8; {@code source} names it in errors. */
    public static SortedSet<LocalDate> read(InputStream in, String source) {
        Calendar calendar;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            calendar = new CalendarBuilder().build(reader);
        } catch (ParserException e) {
            throw new IllegalArgumentException(
                    "holiday file " + source + " is not valid iCalendar (line " + e.getLineNo() + "): " + e.getMessage(),
                    e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("holiday file " + source + " cannot be read: " + e.getMessage(), e);
        }
        SortedSet<LocalDate> dates = new TreeSet<>();
        for (CalendarComponent component : calendar.getComponents()) {
            if (component instanceof VEvent event && !cancelled(event)) {
                try {
                    addDates(event, dates);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "holiday file " + source + ", event " + describe(event) + ": " + e.getMessage(), e);
                }
            }
        }
        return dates;
    }

    private static void addDates(VEvent event, SortedSet<LocalDate> dates) {
        if (event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RDATE).isPresent()) {
            throw new IllegalArgumentException("recurring events (RRULE, RDATE) are not supported: list each holiday");
        }
        LocalDate start = date(event.getProperty(Property.DTSTART), "DTSTART")
                .orElseThrow(() -> new IllegalArgumentException("has no DTSTART"));
        Optional<LocalDate> end = date(event.getProperty(Property.DTEND), "DTEND");
        Optional<net.fortuna.ical4j.model.property.Duration> duration = event.getProperty(Property.DURATION);
        LocalDate endExclusive;
        if (end.isPresent()) {
            endExclusive = end.get();
        } else if (duration.isPresent()) {
            endExclusive = start.plusDays(days(duration.get().getDuration()));
        } else {
            endExclusive = start.plusDays(1);
        }
        if (!endExclusive.isAfter(start)) {
            throw new IllegalArgumentException("ends (" + endExclusive + ", exclusive) before it starts (" + start + ")");
        }
        if (ChronoUnit.DAYS.between(start, endExclusive) > MAX_EVENT_DAYS) {
            throw new IllegalArgumentException("lasts more than " + MAX_EVENT_DAYS + " days (" + start + " until "
                    + endExclusive + ", exclusive)");
        }
        for (LocalDate date = start; date.isBefore(endExclusive); date = date.plusDays(1)) {
            dates.add(date);
        }
    }

    private static Optional<LocalDate> date(Optional<Property> property, String name) {
        if (property.isEmpty()) {
            return Optional.empty();
        }
        Temporal value = property.get() instanceof DateProperty<?> date ? date.getDate() : null;
        if (value instanceof LocalDate localDate) {
            return Optional.of(localDate);
        }
        throw new IllegalArgumentException(name + " " + property.get().getValue()
                + " is not an all-day date: write " + name + ";VALUE=DATE:yyyymmdd");
    }

    private static long days(TemporalAmount amount) {
        if (amount instanceof Period period && period.getYears() == 0 && period.getMonths() == 0) {
            return period.getDays();
        }
        if (amount instanceof Duration duration && duration.toSeconds() % 86_400 == 0 && duration.getNano() == 0) {
            return duration.toDays();
        }
        throw new IllegalArgumentException("DURATION " + amount + " is not a whole number of days (e.g. P3D)");
    }

    private static boolean cancelled(VEvent event) {
        return event.getProperty(Property.STATUS).map(Property::getValue).filter("CANCELLED"::equalsIgnoreCase)
                .isPresent();
    }

    private static String describe(VEvent event) {
        String summary = event.getProperty(Property.SUMMARY).map(Property::getValue).orElse(null);
        String uid = event.getProperty(Property.UID).map(Property::getValue).orElse(null);
        return summary != null ? "'" + summary + "'" : uid != null ? uid : "(no SUMMARY or UID)";
    }
}
