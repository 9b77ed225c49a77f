package org.servicedesk.sla.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** The calendar {@value #NAME}: every instant is working time, so working time is elapsed time. */
public final class AroundTheClockCalendar implements WorkingCalendar {

    public static final String NAME = "24x7";

    public static final AroundTheClockCalendar INSTANCE = new AroundTheClockCalendar();

    private AroundTheClockCalendar() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ZoneId zone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Instant plus(Instant start, Duration amount) {
        return Objects.requireNonNull(start, "start").plus(Objects.requireNonNull(amount, "amount"));
    }

    @Override
    public Instant minus(Instant end, Duration amount) {
        return Objects.requireNonNull(end, "end").minus(Objects.requireNonNull(amount, "amount"));
    }

    @Override
    public Duration between(Instant start, Instant end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
