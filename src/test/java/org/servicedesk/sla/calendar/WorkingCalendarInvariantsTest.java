package org.servicedesk.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;

/**
 * Property-like checks over many random starts and amounts (fixed seed, so failures repeat):
 * plus, minus and between agree with each other on calendars of several shapes.
 */
class WorkingCalendarInvariantsTest {

    private static final int RUNS = 3_000;

    static List<WorkingCalendar> calendars() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZoneId newYork = ZoneId.of("America/New_York");
        return List.of(
                BusinessHoursCalendar.builder("cn-lunch", shanghai).weekdays("09:00-12:00,13:00-18:00")
                        .holidays(HolidayFile.read(new ClassPathResource("calendars/cn-public-holidays-2026.ics")))
                        .extraWorkingDay(LocalDate.parse("2026-10-10"), "09:00-18:00").build(),
                BusinessHoursCalendar.builder("berlin-shifts", berlin).weekdays("01:00-04:00,07:00-12:00,13:00-19:00")
                        .hours(DayOfWeek.SATURDAY, "22:00-02:30")
                        .holiday(LocalDate.parse("2026-10-03")).holiday(LocalDate.parse("2026-03-30")).build(),
                BusinessHoursCalendar.builder("ny-nights", newYork).weekdays("20:00-04:00")
                        .hours(DayOfWeek.SUNDAY, "01:30-03:00").build(),
                BusinessHoursCalendar.builder("ny-all-day", newYork).everyDay("00:00-24:00").build(),
                AroundTheClockCalendar.INSTANCE);
    }

    /** Instants from mid-2025 to mid-2027, often on whole quarter hours to hit range boundaries. */
    private static Instant randomInstant(Random random) {
        Instant base = Instant.parse("2025-06-01T00:00:00Z");
        long seconds = (long) (random.nextDouble() * Duration.ofDays(730).toSeconds());
        if (random.nextBoolean()) {
            seconds -= seconds % 900;
        }
        return base.plusSeconds(seconds);
    }

    /** Amounts from 0 to about 5 working weeks, often whole hours. */
    private static Duration randomAmount(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Duration.ofMinutes(random.nextInt(120));
            case 1 -> Duration.ofHours(random.nextInt(60));
            case 2 -> Duration.ofSeconds(random.nextInt(200 * 3600));
            default -> Duration.ofMinutes(random.nextInt(60 * 24 * 3));
        };
    }

    private static boolean workingJustAfter(WorkingCalendar calendar, Instant instant) {
        return !calendar.between(instant, instant.plusNanos(1)).isZero();
    }

    private static boolean workingJustBefore(WorkingCalendar calendar, Instant instant) {
        return !calendar.between(instant.minusNanos(1), instant).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void minusUndoesPlusFromInsideWorkingTime(WorkingCalendar calendar) {
        Random random = new Random(20261001L);
        int inside = 0;
        for (int i = 0; i < RUNS; i++) {
            Instant start = randomInstant(random);
            Duration amount = randomAmount(random);
            Instant end = calendar.plus(start, amount);
            Instant back = calendar.minus(end, amount);
            String context = calendar.name() + ": start " + start + ", amount " + amount + ", end " + end;
            assertThat(end).as(context).isAfterOrEqualTo(start);
            if (workingJustAfter(calendar, start) || amount.isZero()) {
                inside++;
                assertThat(back).as(context).isEqualTo(start);
            } else {
                // from outside working time, minus lands at the opening that plus counted from
                assertThat(back).as(context).isAfterOrEqualTo(start);
                assertThat(calendar.between(start, back)).as(context).isZero();
                assertThat(workingJustAfter(calendar, back)).as(context).isTrue();
            }
        }
        assertThat(inside).as("starts inside working time").isGreaterThan(RUNS / 10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void plusUndoesMinusUpToTheEndOfWorkingTime(WorkingCalendar calendar) {
        Random random = new Random(42L);
        for (int i = 0; i < RUNS; i++) {
            Instant end = randomInstant(random);
            Duration amount = randomAmount(random);
            Instant start = calendar.minus(end, amount);
            String context = calendar.name() + ": end " + end + ", amount " + amount + ", start " + start;
            assertThat(start).as(context).isBeforeOrEqualTo(end);
            assertThat(calendar.between(start, end)).as(context).isEqualTo(amount);
            if (workingJustBefore(calendar, end) || amount.isZero()) {
                assertThat(calendar.plus(start, amount)).as(context).isEqualTo(end);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void betweenAgreesWithPlus(WorkingCalendar calendar) {
        Random random = new Random(7L);
        for (int i = 0; i < RUNS; i++) {
            Instant start = randomInstant(random);
            Duration amount = randomAmount(random);
            Instant end = calendar.plus(start, amount);
            String context = calendar.name() + ": start " + start + ", amount " + amount + ", end " + end;
            assertThat(calendar.between(start, end)).as(context).isEqualTo(amount);

            Instant other = randomInstant(random);
            Duration worked = calendar.between(start, other);
            if (other.isAfter(start)) {
                Instant reached = calendar.plus(start, worked);
                assertThat(reached).as(context + ", other " + other).isBeforeOrEqualTo(other);
                assertThat(calendar.between(reached, other)).as(context + ", other " + other).isZero();
            } else {
                assertThat(worked).isZero();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void plusIsAdditive(WorkingCalendar calendar) {
        Random random = new Random(1234L);
        for (int i = 0; i < RUNS; i++) {
            Instant start = randomInstant(random);
            Duration first = randomAmount(random);
            Duration second = randomAmount(random);
            String context = calendar.name() + ": start " + start + ", " + first + " + " + second;
            assertThat(calendar.plus(calendar.plus(start, first), second)).as(context)
                    .isEqualTo(calendar.plus(start, first.plus(second)));
            assertThat(calendar.minus(calendar.minus(start, first), second)).as(context)
                    .isEqualTo(calendar.minus(start, first.plus(second)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void betweenIsAdditiveOverASplitPoint(WorkingCalendar calendar) {
        Random random = new Random(99L);
        for (int i = 0; i < RUNS; i++) {
            Instant a = randomInstant(random);
            Instant b = a.plus(randomAmount(random));
            Instant c = b.plus(randomAmount(random));
            assertThat(calendar.between(a, b).plus(calendar.between(b, c))).as(calendar.name() + " " + a + " " + b + " " + c)
                    .isEqualTo(calendar.between(a, c));
        }
    }

    @Test
    void wholeDayCalendarIsElapsedTimeLike24x7() {
        WorkingCalendar allDay = calendars().get(3);
        Random random = new Random(5L);
        for (int i = 0; i < RUNS; i++) {
            Instant start = randomInstant(random);
            Duration amount = randomAmount(random);
            assertThat(allDay.plus(start, amount)).isEqualTo(AroundTheClockCalendar.INSTANCE.plus(start, amount));
            assertThat(allDay.minus(start, amount)).isEqualTo(AroundTheClockCalendar.INSTANCE.minus(start, amount));
        }
    }
}
