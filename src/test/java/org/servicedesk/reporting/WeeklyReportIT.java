package org.servicedesk.reporting;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.junit.jupiter.api.BeforeEach;
import org.servicedesk.LoggedIn;

/** The same known week on PostgreSQL: the report's SQL gives the same values there. */
@SpringBootTest
@ActiveProfiles({ "postgres", "it" })
class WeeklyReportIT {

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
}
