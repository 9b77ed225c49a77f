package org.servicedesk.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;

/** Binding of {@code servicedesk.sla.calendars} from YAML, as application.yml would, and the calendars built from it. */
class SlaCalendarPropertiesTest {

    /** The YAML proposed for application.yml. */
    static final String APPLICATION_YAML = """
            servicedesk:
              sla:
                calendars:
                  business-hours:
                    zone: Asia/Shanghai
                    hours:
                      monday: "09:00-18:00"
                      tuesday: "09:00-18:00"
                      wednesday: "09:00-18:00"
                      thursday: "09:00-18:00"
                      friday: "09:00-18:00"
                    holiday-files: [ "classpath:calendars/cn-public-holidays-2026.ics" ]
                    extra-working-days: [ "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10" ]
            """;

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static SlaCalendarProperties bind(String yaml) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("test.yml",
                    new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
            Binder binder = new Binder(ConfigurationPropertySources.from(sources));
            return binder.bind("servicedesk.sla", SlaCalendarProperties.class).orElse(new SlaCalendarProperties(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WorkingCalendars calendars(String yaml) {
        return new WorkingCalendars(bind(yaml), new DefaultResourceLoader());
    }

    private static Instant sh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void bindsTheProposedApplicationYaml() {
        SlaCalendarProperties properties = bind(APPLICATION_YAML);
        assertThat(properties.calendars()).containsOnlyKeys("business-hours");
        SlaCalendarProperties.CalendarSettings settings = properties.calendars().get("business-hours");
        assertThat(settings.zone()).isEqualTo("Asia/Shanghai");
        assertThat(settings.hours()).hasSize(5).containsEntry("monday", "09:00-18:00");
        assertThat(settings.holidayFiles()).containsExactly("classpath:calendars/cn-public-holidays-2026.ics");
        assertThat(settings.extraWorkingDays()).hasSize(6).contains("2026-10-10");

        WorkingCalendars calendars = new WorkingCalendars(properties, new DefaultResourceLoader());
        assertThat(calendars.names()).containsExactly("24x7", "business-hours");
        WorkingCalendar businessHours = calendars.get("business-hours");
        assertThat(businessHours.zone()).isEqualTo(SHANGHAI);
        // National Day: Wednesday Sep 30 17:00 + 4 h -> Thursday Oct 8 12:00
        assertThat(businessHours.plus(sh("2026-09-30T17:00"), Duration.ofHours(4))).isEqualTo(sh("2026-10-08T12:00"));
        // Saturday Oct 10 is a make-up working day
        assertThat(businessHours.plus(sh("2026-10-09T17:00"), Duration.ofHours(4))).isEqualTo(sh("2026-10-10T12:00"));
    }

    @Test
    void withoutConfigurationTheBuiltInBusinessHoursMatchTheProposedYaml() {
        WorkingCalendars builtIn = calendars("servicedesk:\n  zone: Asia/Shanghai\n");
        WorkingCalendars configured = calendars(APPLICATION_YAML);
        assertThat(builtIn.names()).containsExactly("24x7", "business-hours");

        BusinessHoursCalendar expected = (BusinessHoursCalendar) configured.get("business-hours");
        BusinessHoursCalendar actual = (BusinessHoursCalendar) builtIn.get("business-hours");
        assertThat(actual.zone()).isEqualTo(SHANGHAI);
        assertThat(actual.weeklyHours()).isEqualTo(expected.weeklyHours());
        assertThat(actual.holidays()).isEqualTo(expected.holidays()).contains(LocalDate.parse("2026-10-01"));
        assertThat(actual.extraWorkingDays()).isEqualTo(expected.extraWorkingDays());
    }

    @Test
    void bindsSeveralCalendarsWithAllSettings() {
        WorkingCalendars calendars = calendars("""
                servicedesk:
                  sla:
                    calendars:
                      business-hours:
                        zone: Asia/Shanghai
                        hours:
                          Mon: "09:00-12:00, 13:00-18:00"
                          friday: 09:00-12:00,13:00-18:00
                        holidays: [ 2026-03-09, "2026-10-01" ]
                        extra-working-days: [ "2026-03-07" ]
                        extra-working-day-hours: "10:00-14:00"
                      night-desk:
                        zone: America/New_York
                        hours:
                          saturday: "22:00-06:00"
                """);
        assertThat(calendars.names()).containsExactly("24x7", "business-hours", "night-desk");

        BusinessHoursCalendar business = (BusinessHoursCalendar) calendars.get("business-hours");
        assertThat(business.weeklyHours()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        assertThat(business.holidays()).containsExactly(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-10-01"));
        assertThat(business.plus(sh("2026-03-06T11:00"), Duration.ofHours(3))).isEqualTo(sh("2026-03-06T15:00"));
        // Friday 17:00 + 3 h: 1 h on Friday, 2 h on the extra working Saturday; then Monday is a holiday
        assertThat(business.plus(sh("2026-03-06T17:00"), Duration.ofHours(3))).isEqualTo(sh("2026-03-07T12:00"));
        assertThat(business.plus(sh("2026-03-07T13:00"), Duration.ofHours(2))).isEqualTo(sh("2026-03-13T10:00"));

        WorkingCalendar nights = calendars.get("night-desk");
        assertThat(nights.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(nights.between(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-15T00:00:00Z")))
                .isEqualTo(Duration.ofHours(15)); // 8 h, and 7 h on the night clocks go forward
    }

    @Test
    void calendar24x7AlwaysExists() {
        WorkingCalendars calendars = calendars(APPLICATION_YAML);
        WorkingCalendar always = calendars.get("24x7");
        Instant start = Instant.parse("2026-03-07T10:00:00Z"); // a Saturday
        assertThat(always.name()).isEqualTo("24x7");
        assertThat(always.plus(start, Duration.ofHours(30))).isEqualTo(start.plus(Duration.ofHours(30)));
        assertThat(always.minus(start, Duration.ofHours(30))).isEqualTo(start.minus(Duration.ofHours(30)));
        assertThat(always.between(start, start.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
        assertThat(always.between(start, start.minusSeconds(90))).isZero();
        assertThat(WorkingCalendars.of().names()).containsExactly("24x7");
    }

    @Test
    void unknownCalendarNameIsAnErrorNamingTheKnownOnes() {
        WorkingCalendars calendars = calendars(APPLICATION_YAML);
        assertThatThrownBy(() -> calendars.get("office-hours")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown working-time calendar 'office-hours'; known calendars: 24x7, business-hours");
    }

    @Test
    void overlappingRangesFailTheStart() {
        assertThatThrownBy(() -> calendars("""
                servicedesk.sla.calendars.business-hours:
                  zone: Asia/Shanghai
                  hours:
                    monday: "09:00-12:30,12:00-18:00"
                """)).isInstanceOf(IllegalStateException.class).hasMessage(
                "servicedesk.sla.calendars.business-hours: hours.monday: ranges 09:00-12:30 and 12:00-18:00 overlap");
    }

    @Test
    void configurationErrorsNameTheSetting() {
        assertThatThrownBy(() -> calendars("""
                servicedesk.sla.calendars.x:
                  zone: Asia/Shangai
                  hours: { monday: "09:00-18:00" }
                """)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("servicedesk.sla.calendars.x: zone 'Asia/Shangai' is not a time-zone id");
        assertThatThrownBy(() -> calendars("""
                servicedesk.sla.calendars.x:
                  hours: { monday: "09:00-18:00" }
                """)).hasMessageContaining("servicedesk.sla.calendars.x: zone is missing");
        assertThatThrownBy(() -> calendars("""
                servicedesk.sla.calendars.x:
                  zone: UTC
                  hours: { funday: "09:00-18:00" }
                """)).hasMessageContaining("hours.funday: not a day of the week");
        assertThatThrownBy(() -> calendars("""
                servicedesk.sla.calendars.x:
                  zone: UTC
                  hours: { monday: "9-18" }
                """)).hasMessageContaining("hours.monday: '9-18' is not a range like 09:00-18:00");
        assertThatThrownBy(() -> calendars("""
                servicedesk.sla.calendars.x:
                  zone: UTC
                  hours: { monday: "09:00-25:00" }
                """)).hasMessageContaining("out of 00:00..24:00");
        assertThatThrownBy(() -> calendars("""
                servicedesk.sla.calendars.x:
                  zone: UTC
                """)).hasMessageContaining("servicedesk.sla.calendars.x: has no working hours");
        assertThatThrownBy(() -> calendars("""
                servicedesk.sla.calendars.x:
                  zone: UTC
                  hours: { monday: "09:00-18:00" }
                  holidays: [ "2026-02-30" ]
                """)).hasMessageContaining("holidays: '2026-02-30' is not a date yyyy-MM-dd");
        assertThatThrownBy(() -> calendars("""
                servicedesk.sla.calendars.x:
                  zone: UTC
                  hours: { monday: "09:00-18:00" }
                  holiday-files: [ "classpath:calendars/missing.ics" ]
                """)).hasMessageContaining("servicedesk.sla.calendars.x: holiday file")
                .hasMessageContaining("missing.ics").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> calendars("""
                servicedesk.sla.calendars.x:
                  zone: UTC
                  hours: { tuesday: "09:00-18:00" }
                  extra-working-days: [ "2026-03-07" ]
                """)).hasMessageContaining("extra-working-days need extra-working-day-hours");
        assertThatThrownBy(() -> calendars("""
                servicedesk.sla.calendars.x:
                  zone: UTC
                  hours: { monday: "09:00-18:00" }
                  holidays: [ "2026-03-07" ]
                  extra-working-days: [ "2026-03-07" ]
                """)).hasMessageContaining("2026-03-07 is both a holiday and an extra working day");
    }

    @Test
    void calendar24x7CannotBeConfigured() {
        assertThatThrownBy(() -> calendars("""
                servicedesk.sla.calendars:
                  "[24x7]":
                    zone: UTC
                    hours: { monday: "09:00-18:00" }
                """)).isInstanceOf(IllegalStateException.class).hasMessageContaining("24x7 is built in");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SlaCalendarProperties.class)
    @Import(WorkingCalendars.class)
    static class CalendarsOnly {
    }

    @Test
    void springBuildsTheBeanFromTheEnvironment() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(CalendarsOnly.class);
        runner.run(context -> assertThat(context.getBean(WorkingCalendars.class).names())
                .containsExactly("24x7", "business-hours"));
        runner.withPropertyValues("servicedesk.sla.calendars.night-desk.zone=Asia/Shanghai",
                "servicedesk.sla.calendars.night-desk.hours.monday=22:00-06:00")
                .run(context -> assertThat(context.getBean(WorkingCalendars.class).names())
                        .containsExactly("24x7", "night-desk"));
        runner.withPropertyValues("servicedesk.sla.calendars.night-desk.zone=Asia/Shanghai",
                "servicedesk.sla.calendars.night-desk.hours.monday=09:00-12:00,11:00-13:00")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining(
                        "servicedesk.sla.calendars.night-desk: hours.monday: ranges 09:00-12:00 and 11:00-13:00 overlap"));
    }
}
