package org.servicedesk.sla.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class BusinessHoursCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    // 2026-03-06 is a Friday, 2026-03-09 a Monday; no holidays that week
    final BusinessHoursCalendar nineToSix = BusinessHoursCalendar.builder("business-hours", SHANGHAI)
            .weekdays("09:00-18:00").build();

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static Instant sh(String localDateTime) {
        return at(localDateTime, SHANGHAI);
    }

    @Nested
    class Plus {

        @Test
        void fourHoursFromFriday1700LandOnMonday1200() {
            assertThat(nineToSix.plus(sh("2026-03-06T17:00"), Duration.ofHours(4))).isEqualTo(sh("2026-03-09T12:00"));
        }

        @Test
        void fourHoursFromFriday1730LandOnMonday1230() {
            assertThat(nineToSix.plus(sh("2026-03-06T17:30"), Duration.parse("PT4H")))
                    .isEqualTo(sh("2026-03-09T12:30"));
        }

        @Test
        void startBeforeOpeningCountsFromOpening() {
            assertThat(nineToSix.plus(sh("2026-03-09T07:00"), Duration.ofHours(1))).isEqualTo(sh("2026-03-09T10:00"));
        }

        @Test
        void startAfterClosingCountsFromNextOpening() {
            assertThat(nineToSix.plus(sh("2026-03-09T19:00"), Duration.ofHours(1))).isEqualTo(sh("2026-03-10T10:00"));
        }

        @Test
        void startOnWeekendCountsFromMonday() {
            assertThat(nineToSix.plus(sh("2026-03-07T10:00"), Duration.ofMinutes(90)))
                    .isEqualTo(sh("2026-03-09T10:30"));
        }

        @Test
        void amountUsedUpAtClosingGivesClosingNotNextOpening() {
            assertThat(nineToSix.plus(sh("2026-03-06T17:00"), Duration.ofHours(1))).isEqualTo(sh("2026-03-06T18:00"));
        }

        @Test
        void zeroGivesStartEvenOutsideWorkingTime() {
            assertThat(nineToSix.plus(sh("2026-03-07T03:00"), Duration.ZERO)).isEqualTo(sh("2026-03-07T03:00"));
        }

        @Test
        void negativeAmountCountsBackwards() {
            assertThat(nineToSix.plus(sh("2026-03-09T12:00"), Duration.ofHours(-4))).isEqualTo(sh("2026-03-06T17:00"));
        }

        @Test
        void severalWorkingDays() {
            // P1D is 24 working hours: 2 days and 6 hours of 9-hour days
            assertThat(nineToSix.plus(sh("2026-03-06T09:00"), Duration.parse("P1D")))
                    .isEqualTo(sh("2026-03-10T15:00"));
            assertThat(nineToSix.plus(sh("2026-03-09T09:00"), Duration.ofHours(45))).isEqualTo(sh("2026-03-13T18:00"));
        }
    }

    @Nested
    class DocumentedExamples {

        // docs/sla.md, "How the dates are computed": due = plus(start, target), warning = minus(due, lead)
        @Test
        void dueAndWarningDates() {
            Instant friday1700 = sh("2026-03-06T17:00");
            Instant friday1730 = sh("2026-03-06T17:30");
            assertThat(nineToSix.minus(nineToSix.plus(friday1700, Duration.parse("PT4H")), Duration.parse("PT1H")))
                    .isEqualTo(sh("2026-03-09T11:00"));
            assertThat(nineToSix.plus(friday1730, Duration.parse("PT5M"))).isEqualTo(sh("2026-03-06T17:35"));
            assertThat(nineToSix.minus(sh("2026-03-06T17:35"), Duration.parse("PT2M"))).isEqualTo(sh("2026-03-06T17:33"));
            assertThat(nineToSix.plus(friday1730, Duration.parse("PT1H"))).isEqualTo(sh("2026-03-09T09:30"));
            assertThat(nineToSix.minus(sh("2026-03-09T09:30"), Duration.parse("PT15M"))).isEqualTo(sh("2026-03-09T09:15"));
            Instant due = nineToSix.plus(friday1730, Duration.parse("PT2H"));
            assertThat(due).isEqualTo(sh("2026-03-09T10:30"));
            assertThat(nineToSix.minus(due, Duration.parse("PT30M"))).isEqualTo(sh("2026-03-09T10:00"));
            assertThat(nineToSix.plus(due, Duration.parse("PT24H"))).isEqualTo(sh("2026-03-11T16:30"));
            assertThat(nineToSix.plus(sh("2026-03-09T09:00"), Duration.parse("P2D"))).isEqualTo(sh("2026-03-16T12:00"));
            assertThat(AroundTheClockCalendar.INSTANCE.plus(friday1700, Duration.parse("PT4H")))
                    .isEqualTo(sh("2026-03-06T21:00"));
        }
    }

    @Nested
    class Holidays {

        @Test
        void holidayInTheMiddleIsSkipped() {
            BusinessHoursCalendar calendar = BusinessHoursCalendar.builder("x", SHANGHAI).weekdays("09:00-18:00")
                    .holiday(LocalDate.parse("2026-03-09")).build();
            assertThat(calendar.plus(sh("2026-03-06T17:00"), Duration.ofHours(4))).isEqualTo(sh("2026-03-10T12:00"));
            assertThat(calendar.between(sh("2026-03-06T17:00"), sh("2026-03-10T12:00"))).isEqualTo(Duration.ofHours(4));
            assertThat(calendar.minus(sh("2026-03-10T12:00"), Duration.ofHours(4))).isEqualTo(sh("2026-03-06T17:00"));
        }

        @Test
        void nationalDayWeekFromTheShippedIcsFile() {
            BusinessHoursCalendar calendar = BusinessHoursCalendar.builder("cn", SHANGHAI).weekdays("09:00-18:00")
                    .holidays(HolidayFile.read(new ClassPathResource("calendars/cn-public-holidays-2026.ics")))
                    .build();
            // Wednesday Sep 30, then Oct 1..7 are holidays, Thursday Oct 8 works
            assertThat(calendar.plus(sh("2026-09-30T17:00"), Duration.ofHours(4))).isEqualTo(sh("2026-10-08T12:00"));
            assertThat(calendar.between(sh("2026-09-30T00:00"), sh("2026-10-09T00:00"))).isEqualTo(Duration.ofHours(18));
        }

        @Test
        void extraWorkingDayWorksOnASaturday() {
            BusinessHoursCalendar calendar = BusinessHoursCalendar.builder("cn", SHANGHAI).weekdays("09:00-18:00")
                    .extraWorkingDay(LocalDate.parse("2026-10-10"), "09:00-18:00").build();
            assertThat(calendar.plus(sh("2026-10-09T17:00"), Duration.ofHours(4))).isEqualTo(sh("2026-10-10T12:00"));
            assertThat(calendar.isWorkingTime(sh("2026-10-10T10:00"))).isTrue();
            assertThat(calendar.isWorkingTime(sh("2026-10-17T10:00"))).isFalse();
        }

        @Test
        void extraWorkingDayThatIsAlsoAHolidayIsRejected() {
            assertThatThrownBy(() -> BusinessHoursCalendar.builder("cn", SHANGHAI).weekdays("09:00-18:00")
                    .holiday(LocalDate.parse("2026-10-10")).extraWorkingDay(LocalDate.parse("2026-10-10"), "09:00-18:00")
                    .build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2026-10-10 is both a holiday and an extra working day");
        }

        @Test
        void twoYearsOfHolidaysAreWalkedThrough() {
            BusinessHoursCalendar calendar = BusinessHoursCalendar.builder("x", SHANGHAI).weekdays("09:00-18:00")
                    .holidays(LocalDate.parse("2026-01-01").datesUntil(LocalDate.parse("2028-01-01")).toList()).build();
            // 2028-01-03 is the first Monday after
            assertThat(calendar.plus(sh("2026-01-01T10:00"), Duration.ofHours(1))).isEqualTo(sh("2028-01-03T10:00"));
            assertThat(calendar.minus(sh("2028-01-03T10:00"), Duration.ofHours(2))).isEqualTo(sh("2025-12-31T17:00"));
        }
    }

    @Nested
    class SeveralRangesADay {

        final BusinessHoursCalendar lunchBreak = BusinessHoursCalendar.builder("lunch", SHANGHAI)
                .weekdays("09:00-12:00,13:00-18:00").build();

        @Test
        void lunchBreakIsNotCounted() {
            assertThat(lunchBreak.plus(sh("2026-03-09T11:00"), Duration.ofHours(2))).isEqualTo(sh("2026-03-09T14:00"));
            assertThat(lunchBreak.plus(sh("2026-03-09T12:30"), Duration.ofHours(1))).isEqualTo(sh("2026-03-09T14:00"));
            assertThat(lunchBreak.plus(sh("2026-03-09T11:00"), Duration.ofHours(1))).isEqualTo(sh("2026-03-09T12:00"));
            assertThat(lunchBreak.between(sh("2026-03-09T11:00"), sh("2026-03-09T14:00"))).isEqualTo(Duration.ofHours(2));
            assertThat(lunchBreak.between(sh("2026-03-09T00:00"), sh("2026-03-10T00:00"))).isEqualTo(Duration.ofHours(8));
        }

        @Test
        void minusSkipsTheLunchBreak() {
            assertThat(lunchBreak.minus(sh("2026-03-09T14:00"), Duration.ofHours(2))).isEqualTo(sh("2026-03-09T11:00"));
            assertThat(lunchBreak.minus(sh("2026-03-09T13:00"), Duration.ofHours(1))).isEqualTo(sh("2026-03-09T11:00"));
            assertThat(lunchBreak.minus(sh("2026-03-09T14:00"), Duration.ofHours(1))).isEqualTo(sh("2026-03-09T13:00"));
        }

        @Test
        void touchingRangesAreOneRange() {
            BusinessHoursCalendar calendar = BusinessHoursCalendar.builder("x", SHANGHAI)
                    .weekdays("09:00-12:00,12:00-18:00").build();
            assertThat(calendar.plus(sh("2026-03-09T11:00"), Duration.ofHours(2))).isEqualTo(sh("2026-03-09T13:00"));
        }

        @Test
        void overlappingRangesAreRejected() {
            assertThatThrownBy(() -> BusinessHoursCalendar.builder("x", SHANGHAI).hours(MONDAY, "09:00-12:00,11:30-18:00"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ranges 09:00-12:00 and 11:30-18:00 overlap");
            assertThatThrownBy(() -> new BusinessHoursCalendar("x", SHANGHAI,
                    Map.of(MONDAY, List.of(WorkingRange.parse("09:00-18:00"), WorkingRange.parse("08:00-10:00"))),
                    List.of(), Map.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("calendar 'x', monday: ranges 08:00-10:00 and 09:00-18:00 overlap");
        }

        @Test
        void overnightRangeOverlappingTheNextDayIsRejected() {
            assertThatThrownBy(() -> BusinessHoursCalendar.builder("x", SHANGHAI).hours(MONDAY, "22:00-06:00")
                    .hours(TUESDAY, "05:00-09:00").build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the monday range 22:00-06:00 runs into tuesday and overlaps its range 05:00-09:00");
        }
    }

    @Nested
    class Overnight {

        // night desk: Monday to Friday 22:00 until 06:00 the next morning
        final BusinessHoursCalendar nights = BusinessHoursCalendar.builder("nights", SHANGHAI)
                .weekdays("22:00-06:00").build();

        @Test
        void countsAcrossMidnight() {
            assertThat(nights.plus(sh("2026-03-09T23:00"), Duration.ofHours(4))).isEqualTo(sh("2026-03-10T03:00"));
            assertThat(nights.between(sh("2026-03-09T00:00"), sh("2026-03-10T00:00"))).isEqualTo(Duration.ofHours(2));
            assertThat(nights.between(sh("2026-03-10T00:00"), sh("2026-03-11T00:00"))).isEqualTo(Duration.ofHours(8));
        }

        @Test
        void fridayNightRunsIntoSaturdayMorning() {
            assertThat(nights.plus(sh("2026-03-06T22:00"), Duration.ofHours(8))).isEqualTo(sh("2026-03-07T06:00"));
            assertThat(nights.plus(sh("2026-03-07T05:00"), Duration.ofHours(2))).isEqualTo(sh("2026-03-09T23:00"));
        }

        @Test
        void mondayEarlyMorningIsClosedBecauseSundayIsClosed() {
            assertThat(nights.isWorkingTime(sh("2026-03-09T03:00"))).isFalse();
            assertThat(nights.plus(sh("2026-03-09T03:00"), Duration.ofHours(1))).isEqualTo(sh("2026-03-09T23:00"));
        }

        @Test
        void holidayClosesTheRangeStartingThatDayNotTheOneEndingOnIt() {
            BusinessHoursCalendar calendar = BusinessHoursCalendar.builder("nights", SHANGHAI).weekdays("22:00-06:00")
                    .holiday(LocalDate.parse("2026-03-10")).build();
            // Monday's night runs until Tuesday 06:00; Tuesday's night is closed
            assertThat(calendar.plus(sh("2026-03-10T05:00"), Duration.ofHours(2))).isEqualTo(sh("2026-03-11T23:00"));
            assertThat(calendar.minus(sh("2026-03-11T23:00"), Duration.ofHours(2))).isEqualTo(sh("2026-03-10T05:00"));
        }

        @Test
        void minusCountsBackAcrossMidnight() {
            assertThat(nights.minus(sh("2026-03-10T03:00"), Duration.ofHours(4))).isEqualTo(sh("2026-03-09T23:00"));
            assertThat(nights.minus(sh("2026-03-09T23:00"), Duration.ofHours(2))).isEqualTo(sh("2026-03-07T05:00"));
        }

        @Test
        void wholeDayRangeEndsAt2400() {
            BusinessHoursCalendar saturdays = BusinessHoursCalendar.builder("sat", SHANGHAI).hours(SATURDAY, "00:00-24:00")
                    .build();
            assertThat(saturdays.between(sh("2026-03-06T00:00"), sh("2026-03-09T00:00"))).isEqualTo(Duration.ofHours(24));
            assertThat(saturdays.plus(sh("2026-03-06T12:00"), Duration.ofHours(24))).isEqualTo(sh("2026-03-08T00:00"));
        }
    }

    @Nested
    class TimeZones {

        @Test
        void theSameInstantIsADifferentLocalTimeInEachCalendar() {
            BusinessHoursCalendar shanghai = BusinessHoursCalendar.builder("sh", SHANGHAI).weekdays("09:00-18:00")
                    .build();
            BusinessHoursCalendar newYork = BusinessHoursCalendar.builder("ny", NEW_YORK).weekdays("09:00-18:00")
                    .build();
            Instant instant = Instant.parse("2026-03-06T01:00:00Z"); // Fri 09:00 in Shanghai, Thu 20:00 in New York

            assertThat(shanghai.plus(instant, Duration.ofHours(4))).isEqualTo(Instant.parse("2026-03-06T05:00:00Z"));
            // New York opens Friday 09:00 EST = 14:00Z
            assertThat(newYork.plus(instant, Duration.ofHours(4))).isEqualTo(Instant.parse("2026-03-06T18:00:00Z"));
            assertThat(shanghai.isWorkingTime(instant)).isTrue();
            assertThat(newYork.isWorkingTime(instant)).isFalse();
            assertThat(shanghai.zone()).isEqualTo(SHANGHAI);
            assertThat(newYork.zone()).isEqualTo(NEW_YORK);
        }

        @Test
        void holidaysAreLocalDatesOfTheCalendarsZone() {
            BusinessHoursCalendar newYork = BusinessHoursCalendar.builder("ny", NEW_YORK).weekdays("00:00-24:00")
                    .holiday(LocalDate.parse("2026-03-09")).build();
            // Monday 2026-03-09 in New York (EDT, -4) runs 04:00Z until 04:00Z the next day
            assertThat(newYork.isWorkingTime(Instant.parse("2026-03-09T03:59:00Z"))).isFalse(); // Sunday
            assertThat(newYork.isWorkingTime(Instant.parse("2026-03-10T03:59:00Z"))).isFalse(); // Monday, holiday
            assertThat(newYork.isWorkingTime(Instant.parse("2026-03-10T04:00:00Z"))).isTrue(); // Tuesday
        }
    }

    @Nested
    class DaylightSaving {

        // Berlin: 2026-03-29 02:00 CET -> 03:00 CEST, 2026-10-25 03:00 CEST -> 02:00 CET (both Sundays)
        final BusinessHoursCalendar allDay = BusinessHoursCalendar.builder("all-day", BERLIN).everyDay("00:00-24:00")
                .build();

        final BusinessHoursCalendar nineToSix = BusinessHoursCalendar.builder("berlin", BERLIN)
                .everyDay("09:00-18:00").build();

        @Test
        void wholeDayRangeCountsRealElapsedTimeOnSwitchDays() {
            assertThat(allDay.between(at("2026-03-29T00:00", BERLIN), at("2026-03-30T00:00", BERLIN)))
                    .isEqualTo(Duration.ofHours(23));
            assertThat(allDay.between(at("2026-10-25T00:00", BERLIN), at("2026-10-26T00:00", BERLIN)))
                    .isEqualTo(Duration.ofHours(25));
        }

        @Test
        void wholeDayRangesBehaveLike24x7AcrossTheSwitch() {
            for (String start : List.of("2026-03-28T23:30", "2026-03-29T01:59", "2026-10-25T01:00", "2026-10-24T22:15")) {
                Instant instant = at(start, BERLIN);
                for (Duration amount : List.of(Duration.ofMinutes(45), Duration.ofHours(3), Duration.ofHours(30))) {
                    Instant elapsed = instant.plus(amount);
                    assertThat(allDay.plus(instant, amount)).isEqualTo(elapsed);
                    assertThat(allDay.minus(elapsed, amount)).isEqualTo(instant);
                    assertThat(allDay.between(instant, elapsed)).isEqualTo(amount);
                }
            }
        }

        @Test
        void normalDayIsNineHoursWhenTheSwitchIsOutsideWorkingHours() {
            assertThat(nineToSix.between(at("2026-03-29T00:00", BERLIN), at("2026-03-30T00:00", BERLIN)))
                    .isEqualTo(Duration.ofHours(9));
            assertThat(nineToSix.between(at("2026-10-25T00:00", BERLIN), at("2026-10-26T00:00", BERLIN)))
                    .isEqualTo(Duration.ofHours(9));
            assertThat(nineToSix.plus(at("2026-03-28T17:00", BERLIN), Duration.ofHours(2)))
                    .isEqualTo(at("2026-03-29T10:00", BERLIN));
            assertThat(nineToSix.plus(at("2026-10-24T17:00", BERLIN), Duration.ofHours(2)))
                    .isEqualTo(at("2026-10-25T10:00", BERLIN));
        }

        @Test
        void rangeSpanningTheSwitchCountsRealElapsedTime() {
            BusinessHoursCalendar earlyShift = BusinessHoursCalendar.builder("early", BERLIN).everyDay("01:00-04:00")
                    .build();
            assertThat(earlyShift.between(at("2026-03-29T00:00", BERLIN), at("2026-03-30T00:00", BERLIN)))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(earlyShift.between(at("2026-10-25T00:00", BERLIN), at("2026-10-26T00:00", BERLIN)))
                    .isEqualTo(Duration.ofHours(4));
            // 01:00 CET + 1.5 h of real time is 03:30 CEST
            assertThat(earlyShift.plus(at("2026-03-29T01:00", BERLIN), Duration.ofMinutes(90)))
                    .isEqualTo(ZonedDateTime.parse("2026-03-29T03:30+02:00[Europe/Berlin]").toInstant());
        }

        @Test
        void overnightRangeAcrossFallBackInNewYork() {
            // 2026-11-01 02:00 EDT -> 01:00 EST; Saturday night shift 22:00-06:00 lasts 9 real hours
            BusinessHoursCalendar nights = BusinessHoursCalendar.builder("ny-nights", NEW_YORK)
                    .hours(SATURDAY, "22:00-06:00").build();
            assertThat(nights.between(at("2026-10-31T00:00", NEW_YORK), at("2026-11-02T00:00", NEW_YORK)))
                    .isEqualTo(Duration.ofHours(9));
            assertThat(nights.plus(at("2026-10-31T22:00", NEW_YORK), Duration.ofHours(9)))
                    .isEqualTo(at("2026-11-01T06:00", NEW_YORK));
            // and 7 real hours on the night of the spring-forward switch
            assertThat(nights.between(at("2026-03-07T00:00", NEW_YORK), at("2026-03-09T00:00", NEW_YORK)))
                    .isEqualTo(Duration.ofHours(7));
        }

        @Test
        void localTimesInTheGapMoveForwardAndRangesThenMerge() {
            // 02:30 does not exist on 2026-03-29 in Berlin: it is taken as 03:30 CEST, so
            // 01:00-02:30 and 03:00-04:00 become 00:00Z-01:30Z and 01:00Z-02:00Z: 2 h together
            BusinessHoursCalendar calendar = BusinessHoursCalendar.builder("gap", BERLIN)
                    .everyDay("01:00-02:30,03:00-04:00").build();
            assertThat(calendar.between(at("2026-03-29T00:00", BERLIN), at("2026-03-30T00:00", BERLIN)))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(calendar.between(at("2026-03-28T00:00", BERLIN), at("2026-03-29T00:00", BERLIN)))
                    .isEqualTo(Duration.ofMinutes(150));
        }
    }

    @Nested
    class MinusAndBetween {

        @Test
        void minusCountsBackwards() {
            assertThat(nineToSix.minus(sh("2026-03-09T12:00"), Duration.ofHours(4))).isEqualTo(sh("2026-03-06T17:00"));
            assertThat(nineToSix.minus(sh("2026-03-09T09:00"), Duration.ofHours(1))).isEqualTo(sh("2026-03-06T17:00"));
            assertThat(nineToSix.minus(sh("2026-03-07T12:00"), Duration.ofHours(1))).isEqualTo(sh("2026-03-06T17:00"));
            assertThat(nineToSix.minus(sh("2026-03-09T20:00"), Duration.ofHours(1))).isEqualTo(sh("2026-03-09T17:00"));
        }

        @Test
        void minusUsedUpAtOpeningGivesOpening() {
            assertThat(nineToSix.minus(sh("2026-03-09T10:00"), Duration.ofHours(1))).isEqualTo(sh("2026-03-09T09:00"));
        }

        @Test
        void minusZeroGivesEnd() {
            assertThat(nineToSix.minus(sh("2026-03-08T10:00"), Duration.ZERO)).isEqualTo(sh("2026-03-08T10:00"));
        }

        @Test
        void minusIsTheInverseOfPlusInsideWorkingTime() {
            Instant start = sh("2026-03-06T17:30");
            Instant due = nineToSix.plus(start, Duration.ofHours(4));
            assertThat(nineToSix.minus(due, Duration.ofHours(4))).isEqualTo(start);
        }

        @Test
        void betweenCountsOnlyWorkingTime() {
            assertThat(nineToSix.between(sh("2026-03-06T17:00"), sh("2026-03-09T12:00"))).isEqualTo(Duration.ofHours(4));
            assertThat(nineToSix.between(sh("2026-03-07T00:00"), sh("2026-03-09T00:00"))).isZero();
            assertThat(nineToSix.between(sh("2026-03-09T00:00"), sh("2026-03-16T00:00"))).isEqualTo(Duration.ofHours(45));
        }

        @Test
        void betweenIsZeroWhenEndIsNotAfterStart() {
            assertThat(nineToSix.between(sh("2026-03-09T12:00"), sh("2026-03-09T10:00"))).isZero();
            assertThat(nineToSix.between(sh("2026-03-09T12:00"), sh("2026-03-09T12:00"))).isZero();
        }
    }

    @Nested
    class NoWorkingTime {

        final BusinessHoursCalendar closed = new BusinessHoursCalendar("closed", SHANGHAI, Map.of(), List.of(),
                Map.of());

        @Test
        void plusAndMinusGiveUpAfterAboutThreeYears() {
            assertThatThrownBy(() -> closed.plus(sh("2026-03-09T10:00"), Duration.ofHours(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("calendar 'closed' has no working time in the 1098 days");
            assertThatThrownBy(() -> closed.minus(sh("2026-03-09T10:00"), Duration.ofHours(1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no working time");
        }

        @Test
        void betweenIsZero() {
            assertThat(closed.between(sh("2026-01-01T00:00"), sh("2027-01-01T00:00"))).isZero();
        }

        @Test
        void zeroAmountNeedsNoWorkingTime() {
            assertThat(closed.plus(sh("2026-03-09T10:00"), Duration.ZERO)).isEqualTo(sh("2026-03-09T10:00"));
        }

        @Test
        void aFridayOnlyCalendarStillWorks() {
            BusinessHoursCalendar fridays = BusinessHoursCalendar.builder("fri", SHANGHAI).hours(FRIDAY, "09:00-10:00")
                    .build();
            assertThat(fridays.plus(sh("2026-03-06T09:30"), Duration.ofHours(2))).isEqualTo(sh("2026-03-20T09:30"));
        }
    }
}
