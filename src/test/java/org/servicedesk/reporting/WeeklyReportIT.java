package org.servicedesk.reporting;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The same known week on PostgreSQL: the report's SQL gives the same values there. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "it" })
class WeeklyReportIT {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyIndicatorOfAWeekOfKnownData() throws Exception {
        KnownWeek week = new KnownWeek(jdbc);
        week.insert();
        week.check(mvc);
    }
}
