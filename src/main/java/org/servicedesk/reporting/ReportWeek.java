package org.servicedesk.reporting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO week (Monday to Sunday) in the desk's zone: the half-open range [from, to). Public for
 * the weekly processes (report e-mail, quality sampling), which work on the last completed week.
 */
public record ReportWeek(int year, int week, Instant from, Instant to) {

    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** "2026-W47"; empty for anything else, including a week the year does not have. */
    public static Optional<ReportWeek> parse(String text, ZoneId zone) {
        Matcher m = ISO_WEEK.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        if (!IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(jan4).isValidValue(week)) {
            return Optional.empty();
        }
        LocalDate monday = jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
        return Optional.of(of(monday, zone));
    }

    /** The last week that has ended by {@code now}. */
    public static ReportWeek lastCompleted(Instant now, ZoneId zone) {
        LocalDate thisMonday = LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return of(thisMonday.minusWeeks(1), zone);
    }

    private static ReportWeek of(LocalDate monday, ZoneId zone) {
        return new ReportWeek(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                monday.atStartOfDay(zone).toInstant(), monday.plusWeeks(1).atStartOfDay(zone).toInstant());
    }

    public String label() {
        return String.format("%04d-W%02d", year, week);
    }
}
