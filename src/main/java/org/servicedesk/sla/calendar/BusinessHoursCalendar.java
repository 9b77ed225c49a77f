package org.servicedesk.sla.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A calendar of weekly working hours in a zone, minus holidays, plus extra working days.
 *
 * <h2>Semantics</h2>
 * <ul>
 * <li>Working time is the union of the ranges of each local date, in {@link #zone()}. A range
 * belongs to the date it starts on: an overnight range {@code 22:00-06:00} of Friday runs until
 * Saturday 06:00 even though Saturday itself is closed.</li>
 * <li>The ranges of a date are those of its day of week, or the extra-working-day hours when the
 * date is an extra working day (e.g. a make-up working Saturday).</li>
 * <li>A holiday closes every range that starts on that local date, including the part of an
 * overnight range after midnight. A range that started the day before is not cut by a holiday
 * (Sep 30 22:00-06:00 runs until Oct 1 06:00 even when Oct 1 is a holiday).</li>
 * <li>Local times are turned into instants with {@link ZonedDateTime#of}: a time in a DST gap moves
 * forward by the length of the gap, an ambiguous time in a DST overlap takes the earlier offset.
 * A range that spans a DST switch counts the real elapsed time (00:00-24:00 is 23 h on the day
 * clocks go forward, 25 h on the day they go back).</li>
 * <li>The walk goes day by day. {@link #plus} and {@link #minus} throw an
 * {@link IllegalStateException} when they meet no working time for {@value #MAX_DAYS_WITHOUT_WORK}
 * consecutive days (about three years), e.g. for a calendar without hours.</li>
 * </ul>
 */
public final class BusinessHoursCalendar implements WorkingCalendar {

    /** How many consecutive days without working time a walk goes through before it gives up. */
    public static final int MAX_DAYS_WITHOUT_WORK = 3 * 366;

    private final String name;

    private final ZoneId zone;

    private final Map<DayOfWeek, List<WorkingRange>> weekly;

    private final NavigableSet<LocalDate> holidays;

    private final Map<LocalDate, List<WorkingRange>> extraWorkingDays;

    /**
     * @param weekly ranges per day of week; a missing day is closed
     * @param holidays local dates on which no range starts
     * @param extraWorkingDays local dates that work the given ranges instead of their day of week's
     * @throws IllegalArgumentException when ranges overlap (also across midnight) or an extra
     *         working day is also a holiday
     */
    public BusinessHoursCalendar(String name, ZoneId zone, Map<DayOfWeek, List<WorkingRange>> weekly,
            Collection<LocalDate> holidays, Map<LocalDate, List<WorkingRange>> extraWorkingDays) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a calendar needs a name");
        }
        this.name = name;
        this.zone = Objects.requireNonNull(zone, "zone");
        EnumMap<DayOfWeek, List<WorkingRange>> days = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, ranges) -> {
            List<WorkingRange> sorted = checked(() -> WorkingRange.sortedWithoutOverlap(ranges), dayName(day));
            if (!sorted.isEmpty()) {
                days.put(day, sorted);
            }
        });
        this.weekly = Collections.unmodifiableMap(days);
        this.holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(holidays));
        TreeMap<LocalDate, List<WorkingRange>> extra = new TreeMap<>();
        extraWorkingDays.forEach((date, ranges) -> {
            if (this.holidays.contains(date)) {
                throw new IllegalArgumentException(
                        "calendar '" + name + "': " + date + " is both a holiday and an extra working day");
            }
            extra.put(date, checked(() -> WorkingRange.sortedWithoutOverlap(ranges), date.toString()));
        });
        this.extraWorkingDays = Collections.unmodifiableMap(extra);
        checkNoOverlapAcrossMidnight();
    }

    /** A builder, mostly for tests and code: {@code builder("x", zone).weekdays("09:00-18:00").build()}. */
    public static Builder builder(String name, ZoneId zone) {
        return new Builder(name, zone);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    /** Ranges per day of week (closed days are absent). */
    public Map<DayOfWeek, List<WorkingRange>> weeklyHours() {
        return weekly;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public Map<LocalDate, List<WorkingRange>> extraWorkingDays() {
        return extraWorkingDays;
    }

    /** Whether the instant is inside working time (a range includes its start, not its end). */
    public boolean isWorkingTime(Instant instant) {
        return !between(instant, instant.plusNanos(1)).isZero();
    }

    @Override
    public Instant plus(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            return minus(start, amount.negated());
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        Instant cursor = start;
        // two days back: an overnight range of the day before may still run at start
        LocalDate date = localDate(start).minusDays(2);
        int daysWithoutWork = 0;
        while (true) {
            boolean worked = false;
            for (Span span : spansOn(date)) {
                Instant from = later(span.start, cursor);
                if (!span.end.isAfter(from)) {
                    continue;
                }
                worked = true;
                Duration available = Duration.between(from, span.end);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
                cursor = span.end;
            }
            daysWithoutWork = worked ? 0 : daysWithoutWork + 1;
            if (daysWithoutWork > MAX_DAYS_WITHOUT_WORK) {
                throw noWorkingTime("after", date, amount, start);
            }
            date = date.plusDays(1);
        }
    }

    @Override
    public Instant minus(Instant end, Duration amount) {
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            return plus(end, amount.negated());
        }
        if (amount.isZero()) {
            return end;
        }
        Duration remaining = amount;
        Instant cursor = end;
        LocalDate date = localDate(end).plusDays(1);
        int daysWithoutWork = 0;
        while (true) {
            boolean worked = false;
            List<Span> spans = spansOn(date);
            for (int i = spans.size() - 1; i >= 0; i--) {
                Span span = spans.get(i);
                Instant to = earlier(span.end, cursor);
                if (!to.isAfter(span.start)) {
                    continue;
                }
                worked = true;
                Duration available = Duration.between(span.start, to);
                if (remaining.compareTo(available) <= 0) {
                    return to.minus(remaining);
                }
                remaining = remaining.minus(available);
                cursor = span.start;
            }
            daysWithoutWork = worked ? 0 : daysWithoutWork + 1;
            if (daysWithoutWork > MAX_DAYS_WITHOUT_WORK) {
                throw noWorkingTime("before", date, amount, end);
            }
            date = date.minusDays(1);
        }
    }

    @Override
    public Duration between(Instant start, Instant end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        Instant cursor = start;
        LocalDate last = localDate(end).plusDays(1);
        for (LocalDate date = localDate(start).minusDays(2); !date.isAfter(last); date = date.plusDays(1)) {
            for (Span span : spansOn(date)) {
                Instant from = later(span.start, cursor);
                Instant to = earlier(span.end, end);
                if (to.isAfter(from)) {
                    total = total.plus(Duration.between(from, to));
                    cursor = to;
                }
            }
        }
        return total;
    }

    /** The ranges that start on this local date: none on a holiday. */
    List<WorkingRange> rangesOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<WorkingRange> extra = extraWorkingDays.get(date);
        return extra != null ? extra : weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** The working time that starts on this local date, as instants, sorted and merged. */
    private List<Span> spansOn(LocalDate date) {
        List<WorkingRange> ranges = rangesOn(date);
        if (ranges.isEmpty()) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>(ranges.size());
        for (WorkingRange range : ranges) {
            Instant start = ZonedDateTime.of(date, range.start(), zone).toInstant();
            Instant end = ZonedDateTime.of(range.endsNextDay() ? date.plusDays(1) : date, range.end(), zone)
                    .toInstant();
            if (end.isAfter(start)) {
                spans.add(new Span(start, end));
            }
        }
        if (spans.size() < 2) {
            return spans;
        }
        // a DST gap can move a local time past the next one: sort by instant and merge
        spans.sort(Comparator.comparing(Span::start));
        List<Span> merged = new ArrayList<>(spans.size());
        Span current = spans.get(0);
        for (int i = 1; i < spans.size(); i++) {
            Span next = spans.get(i);
            if (next.start.isAfter(current.end)) {
                merged.add(current);
                current = next;
            } else {
                current = new Span(current.start, later(current.end, next.end));
            }
        }
        merged.add(current);
        return merged;
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private IllegalStateException noWorkingTime(String direction, LocalDate date, Duration amount, Instant from) {
        return new IllegalStateException("calendar '" + name + "' has no working time in the "
                + MAX_DAYS_WITHOUT_WORK + " days up to " + date + " (counting " + amount + " " + direction + " " + from
                + "): check its hours and holidays");
    }

    private void checkNoOverlapAcrossMidnight() {
        for (DayOfWeek day : DayOfWeek.values()) {
            checkNoOverlapAcrossMidnight(dayName(day), weekly.getOrDefault(day, List.of()), dayName(day.plus(1)),
                    weekly.getOrDefault(day.plus(1), List.of()));
        }
        for (LocalDate date : extraWorkingDays.keySet()) {
            LocalDate before = date.minusDays(1);
            LocalDate after = date.plusDays(1);
            checkNoOverlapAcrossMidnight(before.toString(), rangesOn(before), date.toString(), rangesOn(date));
            checkNoOverlapAcrossMidnight(date.toString(), rangesOn(date), after.toString(), rangesOn(after));
        }
    }

    private void checkNoOverlapAcrossMidnight(String day, List<WorkingRange> ranges, String nextDay,
            List<WorkingRange> nextRanges) {
        for (WorkingRange overnight : ranges) {
            for (WorkingRange next : nextRanges) {
                if (next.startMinute() < overnight.minutesIntoNextDay()) {
                    throw new IllegalArgumentException("calendar '" + name + "': the " + day + " range " + overnight
                            + " runs into " + nextDay + " and overlaps its range " + next);
                }
            }
        }
    }

    private <T> T checked(Supplier<T> check, String day) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("calendar '" + name + "', " + day + ": " + e.getMessage(), e);
        }
    }

    private static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        Map<String, String> hours = new LinkedHashMap<>();
        weekly.forEach((day, ranges) -> hours.put(dayName(day),
                ranges.stream().map(WorkingRange::toString).collect(Collectors.joining(","))));
        String holidayText = holidays.isEmpty() ? "no holidays"
                : holidays.size() + " holidays " + holidays.first() + ".." + holidays.last();
        return name + " (" + zone + ", " + hours + ", " + holidayText + ", " + extraWorkingDays.size()
                + " extra working days)";
    }

    private record Span(Instant start, Instant end) {
    }

    /** Builds a {@link BusinessHoursCalendar}; ranges are text like {@code 09:00-12:00,13:00-18:00}. */
    public static final class Builder {

        private final String name;

        private final ZoneId zone;

        private final Map<DayOfWeek, List<WorkingRange>> weekly = new EnumMap<>(DayOfWeek.class);

        private final Set<LocalDate> holidays = new TreeSet<>();

        private final Map<LocalDate, List<WorkingRange>> extraWorkingDays = new TreeMap<>();

        private Builder(String name, ZoneId zone) {
            this.name = name;
            this.zone = zone;
        }

        public Builder hours(DayOfWeek day, String ranges) {
            weekly.put(day, WorkingRange.parseDay(ranges));
            return this;
        }

        /** The same hours Monday to Friday. */
        public Builder weekdays(String ranges) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                    hours(day, ranges);
                }
            }
            return this;
        }

        /** The same hours every day of the week. */
        public Builder everyDay(String ranges) {
            for (DayOfWeek day : DayOfWeek.values()) {
                hours(day, ranges);
            }
            return this;
        }

        public Builder holidays(Collection<LocalDate> dates) {
            holidays.addAll(dates);
            return this;
        }

        public Builder holiday(LocalDate date) {
            holidays.add(date);
            return this;
        }

        public Builder extraWorkingDay(LocalDate date, String ranges) {
            extraWorkingDays.put(date, WorkingRange.parseDay(ranges));
            return this;
        }

        public BusinessHoursCalendar build() {
            return new BusinessHoursCalendar(name, zone, weekly, holidays, extraWorkingDays);
        }
    }
}
