package org.servicedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.junit.jupiter.api.Test;
import org.servicedesk.engine.DeskZoneCycleCalendar;
import org.servicedesk.quality.QualityInspectionProperties;
import org.servicedesk.reporting.WeeklyReportProperties;

/** Cron cycles fire in the desk's zone whatever the JVM's zone; wrong settings stop the start. */
class DeskZoneCycleCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Sunday 2026-03-01 20:00 in Shanghai. */
    static final Date SUNDAY_EVENING = Date.from(Instant.parse("2026-03-01T12:00:00Z"));

    @Test
    void aCronIsReadInTheDesksZoneWhateverTheJvmsZone() {
        TimeZone jvm = TimeZone.getDefault();
        try {
            for (String zone : List.of("UTC", "America/Los_Angeles", "Asia/Shanghai", "Europe/Berlin")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                assertThat(new DeskZoneCycleCalendar(SHANGHAI).resolveDuedate("0 0 8 * * MON", SUNDAY_EVENING))
                        .as("JVM in %s", zone).isEqualTo(Date.from(Instant.parse("2026-03-02T00:00:00Z")));
            }
            // the engine's own calendar reads the JVM's zone: 08:00 in Los Angeles
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            assertThat(new CycleBusinessCalendar().resolveDuedate("0 0 8 * * MON", SUNDAY_EVENING))
                    .isEqualTo(Date.from(Instant.parse("2026-03-02T16:00:00Z")));
        } finally {
            TimeZone.setDefault(jvm);
        }
    }

    @Test
    void aDeskWithSummerTimeKeepsItsLocalHour() {
        DeskZoneCycleCalendar berlin = new DeskZoneCycleCalendar(ZoneId.of("Europe/Berlin"));
        // Monday 08:00 in Berlin: 07:00 UTC in winter, 06:00 UTC after the change on 2026-03-29
        assertThat(berlin.resolveDuedate("0 0 8 * * MON", Date.from(Instant.parse("2026-03-20T00:00:00Z"))))
                .isEqualTo(Date.from(Instant.parse("2026-03-23T07:00:00Z")));
        assertThat(berlin.resolveDuedate("0 0 8 * * MON", Date.from(Instant.parse("2026-03-23T07:00:00Z"))))
                .isEqualTo(Date.from(Instant.parse("2026-03-30T06:00:00Z")));
    }

    @Test
    void isoRepetitionsAndWrongCycles() {
        DeskZoneCycleCalendar calendar = new DeskZoneCycleCalendar(SHANGHAI);
        assertThat(calendar.resolveDuedate("R3/PT1H", SUNDAY_EVENING))
                .isEqualTo(Date.from(Instant.parse("2026-03-01T13:00:00Z")));
        assertThatThrownBy(() -> calendar.resolveDuedate("every monday", SUNDAY_EVENING))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("every monday");
    }

    @Test
    void aWrongCycleOrSampleRateStopsTheStart() {
        assertThatThrownBy(() -> new WeeklyReportProperties(true, "every monday", "managers"))
                .hasMessageContaining("servicedesk.weekly-report.cycle");
        assertThatThrownBy(() -> new WeeklyReportProperties(true, "0 0 8 * * MON", " "))
                .hasMessageContaining("servicedesk.weekly-report.recipient-group");
        assertThatThrownBy(() -> new QualityInspectionProperties(true, "0 0 9 * *", BigDecimal.ONE))
                .hasMessageContaining("servicedesk.quality-inspection.cycle");
        assertThatThrownBy(() -> new QualityInspectionProperties(true, "0 0 9 * * MON", BigDecimal.ZERO))
                .hasMessageContaining("servicedesk.quality-inspection.sample-rate");
        assertThatThrownBy(() -> new QualityInspectionProperties(true, "0 0 9 * * MON", new BigDecimal("1.5")))
                .hasMessageContaining("servicedesk.quality-inspection.sample-rate");
        assertThat(new QualityInspectionProperties(true, "0 0 9 * * MON", BigDecimal.ONE).sampleRate())
                .isEqualByComparingTo("1");
    }
}
