package org.servicedesk.sla.calendar;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of working hours of a day, in local time: {@code 09:00-18:00}. An end before the
 * start ({@code 22:00-06:00}) ends on the next day, and so does the end {@code 24:00}
 * ({@code 00:00-24:00} is the whole day). A range belongs to the day it starts on.
 */
public record WorkingRange(LocalTime start, LocalTime end, boolean endsNextDay) {

    private static final int MINUTES_PER_DAY = 24 * 60;

    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    public WorkingRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!endsNextDay && !end.isAfter(start)) {
            throw new IllegalArgumentException("range " + start + "-" + end + " ends before it starts on the same day");
        }
        if (endsNextDay && end.isAfter(start)) {
            throw new IllegalArgumentException("range " + start + "-" + end + " is longer than a day");
        }
    }

    /** Parses {@code HH:mm-HH:mm}. */
    public static WorkingRange parse(String text) {
        Matcher m = RANGE.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a range like 09:00-18:00");
        }
        int startHour = Integer.parseInt(m.group(1));
        int startMinute = Integer.parseInt(m.group(2));
        int endHour = Integer.parseInt(m.group(3));
        int endMinute = Integer.parseInt(m.group(4));
        if (startHour > 23 || startMinute > 59 || endMinute > 59 || endHour > 24 || (endHour == 24 && endMinute > 0)) {
            throw new IllegalArgumentException("'" + text + "' has a time out of 00:00..24:00");
        }
        LocalTime start = LocalTime.of(startHour, startMinute);
        if (endHour == 24) {
            return new WorkingRange(start, LocalTime.MIDNIGHT, true);
        }
        LocalTime end = LocalTime.of(endHour, endMinute);
        if (end.equals(start)) {
            throw new IllegalArgumentException("'" + text + "' is empty (for a whole day write 00:00-24:00)");
        }
        return new WorkingRange(start, end, end.isBefore(start));
    }

    /**
     * Parses the hours of one day: ranges separated by commas ({@code 09:00-12:00,13:00-18:00}),
     * sorted by start. Blank or {@code closed} is a closed day. Ranges must not overlap.
     */
    public static List<WorkingRange> parseDay(String text) {
        List<WorkingRange> ranges = new ArrayList<>();
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("closed")) {
            return List.of();
        }
        for (String part : text.split(",")) {
            ranges.add(parse(part));
        }
        return sortedWithoutOverlap(ranges);
    }

    /** The ranges sorted by start; IllegalArgumentException naming two ranges that overlap. */
    public static List<WorkingRange> sortedWithoutOverlap(List<WorkingRange> ranges) {
        List<WorkingRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(WorkingRange::start));
        for (int i = 1; i < sorted.size(); i++) {
            WorkingRange previous = sorted.get(i - 1);
            WorkingRange next = sorted.get(i);
            if (next.startMinute() < previous.endMinute()) {
                throw new IllegalArgumentException("ranges " + previous + " and " + next + " overlap");
            }
        }
        return List.copyOf(sorted);
    }

    /** Minutes from the start of its day to the start. */
    int startMinute() {
        return start.getHour() * 60 + start.getMinute();
    }

    /** Minutes from the start of its day to the end: past {@code 24 * 60} when it ends the next day. */
    int endMinute() {
        return end.getHour() * 60 + end.getMinute() + (endsNextDay ? MINUTES_PER_DAY : 0);
    }

    /** Minutes into the next day that the range runs; 0 when it ends on its own day (or at 24:00). */
    int minutesIntoNextDay() {
        return Math.max(0, endMinute() - MINUTES_PER_DAY);
    }

    @Override
    public String toString() {
        return start + "-" + (endsNextDay && end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
    }
}
