package org.servicedesk.sla.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Working time of a service-level calendar: SLA targets and warning leads are amounts of
 * working time, counted with {@link #plus}, {@link #minus} and {@link #between}.
 *
 * <p>Get one by name from {@link WorkingCalendars}. Implementations are immutable and thread-safe.
 */
public interface WorkingCalendar {

    String name();

    /** The zone whose local dates and times the calendar's hours and holidays are in. */
    ZoneId zone();

    /**
     * The instant at which {@code amount} of working time has passed, counting from {@code start}.
     * {@code amount} 0 gives {@code start}. When the amount is used up exactly at the end of a
     * working range, that end is returned (e.g. Friday 17:00 + 1 h = Friday 18:00, not Monday 09:00).
     */
    Instant plus(Instant start, Duration amount);

    /**
     * The instant {@code amount} of working time before {@code end} (e.g. for pre-breach
     * warnings), computed backwards. {@code amount} 0 gives {@code end}. When the amount is used up
     * exactly at the start of a working range, that start is returned (e.g. Monday 10:00 - 1 h =
     * Monday 09:00, not Friday 18:00), so {@code minus(plus(s, d), d) == s} for every {@code s}
     * inside working time.
     */
    Instant minus(Instant end, Duration amount);

    /** Working time between two instants; {@link Duration#ZERO} when {@code end <= start}. */
    Duration between(Instant start, Instant end);
}
