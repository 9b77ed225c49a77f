package org.servicedesk.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SortedSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class HolidayFileTest {

    private static SortedSet<LocalDate> read(String events) {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + events.replace("\n", "\r\n")
                + "END:VCALENDAR\r\n";
        return HolidayFile.read(new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8)), "test.ics");
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void shippedFileHasChinasPublicHolidaysOf2026() {
        SortedSet<LocalDate> dates = HolidayFile.read(new ClassPathResource("calendars/cn-public-holidays-2026.ics"));

        assertThat(dates).hasSize(33);
        assertThat(dates.first()).isEqualTo(d("2026-01-01"));
        assertThat(dates.last()).isEqualTo(d("2026-10-07"));
        assertThat(dates).contains(d("2026-01-01"), d("2026-01-03"), d("2026-02-15"), d("2026-02-17"), d("2026-02-23"),
                d("2026-04-04"), d("2026-04-06"), d("2026-05-01"), d("2026-05-05"), d("2026-06-19"), d("2026-06-21"),
                d("2026-09-25"), d("2026-09-27"), d("2026-10-01"), d("2026-10-07"));
        // DTEND is exclusive; make-up working days are not holidays
        assertThat(dates).doesNotContain(d("2026-01-04"), d("2026-02-14"), d("2026-02-24"), d("2026-04-07"),
                d("2026-05-06"), d("2026-05-09"), d("2026-06-22"), d("2026-09-28"), d("2026-10-08"), d("2026-10-10"));
        assertThat(HolidayFileTest.weekdaysOff(dates)).isEqualTo(19);
    }

    private static long weekdaysOff(SortedSet<LocalDate> dates) {
        return dates.stream().filter(date -> date.getDayOfWeek() != DayOfWeek.SATURDAY
                && date.getDayOfWeek() != DayOfWeek.SUNDAY).count();
    }

    @Test
    void eventWithoutEndIsOneDay() {
        assertThat(read("""
                BEGIN:VEVENT
                UID:1
                DTSTAMP:20260101T000000Z
                DTSTART;VALUE=DATE:20261225
                SUMMARY:Christmas
                END:VEVENT
                """)).containsExactly(d("2026-12-25"));
    }

    @Test
    void endIsExclusiveAndDurationInDaysWorksToo() {
        assertThat(read("""
                BEGIN:VEVENT
                UID:1
                DTSTAMP:20260101T000000Z
                DTSTART;VALUE=DATE:20261230
                DTEND;VALUE=DATE:20270102
                END:VEVENT
                BEGIN:VEVENT
                UID:2
                DTSTAMP:20260101T000000Z
                DTSTART;VALUE=DATE:20260301
                DURATION:P2D
                END:VEVENT
                """)).containsExactly(d("2026-03-01"), d("2026-03-02"), d("2026-12-30"), d("2026-12-31"),
                d("2027-01-01"));
    }

    @Test
    void foldedLinesAreUnfolded() {
        assertThat(read("""
                BEGIN:VEVENT
                UID:1
                DTSTAMP:20260101T000000Z
                SUMMARY:A very long summary that a calendar program folded onto a seco
                 nd line
                DTSTART;VALUE=DA
                 TE:20260501
                END:VEVENT
                """)).containsExactly(d("2026-05-01"));
    }

    @Test
    void cancelledEventsAndOtherComponentsAreIgnored() {
        assertThat(read("""
                BEGIN:VEVENT
                UID:1
                DTSTAMP:20260101T000000Z
                DTSTART;VALUE=DATE:20260501
                STATUS:CANCELLED
                END:VEVENT
                BEGIN:VTODO
                UID:2
                DTSTAMP:20260101T000000Z
                DTSTART;VALUE=DATE:20260502
                END:VTODO
                """)).isEmpty();
    }

    @Test
    void dateTimeEventsAreRejected() {
        assertThatThrownBy(() -> read("""
                BEGIN:VEVENT
                UID:1
                DTSTAMP:20260101T000000Z
                DTSTART:20260501T090000Z
                SUMMARY:Meeting
                END:VEVENT
                """)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.ics, event 'Meeting': DTSTART 20260501T090000Z is not an all-day date");
    }

    @Test
    void recurringEventsAreRejected() {
        assertThatThrownBy(() -> read("""
                BEGIN:VEVENT
                UID:xmas
                DTSTAMP:20260101T000000Z
                DTSTART;VALUE=DATE:20261225
                RRULE:FREQ=YEARLY
                END:VEVENT
                """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event xmas")
                .hasMessageContaining("RRULE");
    }

    @Test
    void endNotAfterStartIsRejected() {
        assertThatThrownBy(() -> read("""
                BEGIN:VEVENT
                UID:1
                DTSTAMP:20260101T000000Z
                DTSTART;VALUE=DATE:20260501
                DTEND;VALUE=DATE:20260501
                SUMMARY:Nothing
                END:VEVENT
                """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Nothing': ends");
    }

    @Test
    void eventOfMoreThanAYearIsRejected() {
        assertThatThrownBy(() -> read("""
                BEGIN:VEVENT
                UID:1
                DTSTAMP:20260101T000000Z
                DTSTART;VALUE=DATE:20260501
                DTEND;VALUE=DATE:20620501
                END:VEVENT
                """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lasts more than 366 days");
    }

    @Test
    void missingEventStartIsRejected() {
        assertThatThrownBy(() -> read("""
                BEGIN:VEVENT
                UID:1
                DTSTAMP:20260101T000000Z
                SUMMARY:No date
                END:VEVENT
                """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no DTSTART");
    }

    @Test
    void notICalendarIsRejected() {
        assertThatThrownBy(() -> HolidayFile.read(
                new ByteArrayInputStream("2026-10-01\n2026-10-02\n".getBytes(StandardCharsets.UTF_8)), "dates.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holiday file dates.txt");
    }

    @Test
    void missingFileIsRejected() {
        assertThatThrownBy(() -> HolidayFile.read(new ClassPathResource("calendars/nope.ics")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.ics")
                .hasMessageContaining("does not exist");
    }
}
