package org.servicedesk.sla.calendar;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The working-time calendars of the service levels ({@code servicedesk.sla.calendars.<name>}).
 * The calendar {@code 24x7} always exists and cannot be configured. When no calendar is configured
 * at all, {@link #defaultCalendars()} applies: {@code business-hours}, China, Monday to Friday
 * 09:00-18:00 with China's public holidays. Once any calendar is configured, only the configured
 * ones (and 24x7) exist.
 *
 * <pre>
 * servicedesk:
 *   sla:
 *     calendars:
 *       business-hours:
 *         zone: Asia/Shanghai
 *         hours:                         # a missing day is closed
 *           monday: "09:00-18:00"        # several ranges: "09:00-12:00,13:00-18:00"
 *           friday: "09:00-18:00"        # overnight: "22:00-06:00" ends the next day
 *         holidays: [ "2026-10-01" ]     # whole local dates closed
 *         holiday-files: [ "classpath:calendars/cn-public-holidays-2026.ics" ]
 *         extra-working-days: [ "2026-10-10" ]   # e.g. make-up working Saturdays
 *         extra-working-day-hours: "09:00-18:00" # default: Monday's hours
 * </pre>
 */
@ConfigurationProperties("servicedesk.sla")
public record SlaCalendarProperties(Map<String, CalendarSettings> calendars) {

    /** The shipped holiday file of the built-in business-hours calendar. */
    public static final String CN_HOLIDAYS_2026 = "classpath:calendars/cn-public-holidays-2026.ics";

    /**
     * One calendar.
     *
     * @param zone time-zone id of the hours and dates, e.g. {@code Asia/Shanghai} (required)
     * @param hours day of week ({@code monday} or {@code mon}, any case) to ranges {@code HH:mm-HH:mm},
     *        separated by commas; a missing day is closed
     * @param holidays local dates {@code yyyy-MM-dd} that are closed
     * @param holidayFiles Spring resource locations of iCalendar files of all-day holiday events
     * @param extraWorkingDays local dates {@code yyyy-MM-dd} that work although their day of week is
     *        closed (make-up working days), with {@code extraWorkingDayHours}
     * @param extraWorkingDayHours the ranges of the extra working days; default: Monday's hours
     */
    public record CalendarSettings(String zone, Map<String, String> hours, List<String> holidays,
            List<String> holidayFiles, List<String> extraWorkingDays, String extraWorkingDayHours) {
    }

    /** The calendars when none is configured. */
    public static Map<String, CalendarSettings> defaultCalendars() {
        String day = "09:00-18:00";
        return Map.of("business-hours", new CalendarSettings("Asia/Shanghai",
                Map.of("monday", day, "tuesday", day, "wednesday", day, "thursday", day, "friday", day), List.of(),
                List.of(CN_HOLIDAYS_2026),
                // make-up working days of the State Council's notice on the 2026 holidays (2025-11-04)
                List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"), null));
    }
}
