package org.servicedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.junit.jupiter.api.BeforeEach;
import org.servicedesk.LoggedIn;

/** The weekly report on H2: every indicator of a week of known data, JSON and CSV; bad weeks are refused. */
@SpringBootTest
@ActiveProfiles("test")
class WeeklyReportTest {

    @Autowired WebApplicationContext context;
    MockMvc mvc;

    @BeforeEach
    void logIn() {
        mvc = LoggedIn.mvc(context, "mia");
    }
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyIndicatorOfAWeekOfKnownData() throws Exception {
        KnownWeek week = new KnownWeek(jdbc);
        week.insert();
        week.check(mvc);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-W60", "2026-W00", "2025-W53", "abc", "2026-47", "" })
    void aWeekThatIsNoIsoWeekIsABadRequestNamingWeek(String week) throws Exception {
        mvc.perform(get("/api/reports/weekly").param("week", week))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("week"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("week")));
    }

    @Test
    void formatCsvGivesTheCsvToAPlainLinkAndAnUnknownFormatIsABadRequest() throws Exception {
        mvc.perform(get("/api/reports/weekly").param("week", "2026-W47").param("format", "csv")
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"service-report-2026-W47.csv\""))
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("indicator,dimension,value,unit\r\n")));
        mvc.perform(get("/api/reports/weekly").param("week", "2026-W47").param("format", "json")
                        .header("Accept", "text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        mvc.perform(get("/api/reports/weekly").param("week", "2026-W47").param("format", "xml"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
    }

    @Test
    void aYearWith53WeeksHasItsWeek53() throws Exception {
        mvc.perform(get("/api/reports/weekly").param("week", "2025-W53"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/reports/weekly").param("week", "2026-W53"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-12-27T16:00:00Z"));
        mvc.perform(get("/api/reports/weekly").param("week", "2020-W53"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2020-12-27T16:00:00Z"));
    }

    @Test
    void withoutAWeekTheLastCompletedWeekOfTheDesksZone() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        // Monday 2026-11-23 00:30 in Shanghai is still Sunday in UTC: the last completed week is W47
        assertThat(ReportWeek.lastCompleted(Instant.parse("2026-11-22T16:30:00Z"), shanghai).label())
                .isEqualTo("2026-W47");
        assertThat(ReportWeek.lastCompleted(Instant.parse("2026-11-22T15:30:00Z"), shanghai).label())
                .isEqualTo("2026-W46");
        assertThat(ReportWeek.parse("2026-W01", shanghai).orElseThrow().from())
                .isEqualTo(Instant.parse("2025-12-28T16:00:00Z"));
    }

    @Test
    void theDefaultWeekIsAnswered() throws Exception {
        mvc.perform(get("/api/reports/weekly"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.week").exists())
                .andExpect(jsonPath("$.indicators").isArray());
    }
}
