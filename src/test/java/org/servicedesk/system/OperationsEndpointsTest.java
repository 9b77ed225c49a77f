package org.servicedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.servicedesk.LoggedIn;
import org.servicedesk.TicketScenario;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * What a load balancer, an orchestrator and Prometheus see: the probes without a login, their details
 * and the metrics for administrators only; the desk's own gauges follow its tables.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false) // Spring Boot tests leave the Prometheus registry out otherwise
class OperationsEndpointsTest {

    @Autowired WebApplicationContext context;
    @Autowired TicketIntake intake;
    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired ManagementService managementService;

    private MockMvc anonymous() {
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void theProbesAnswerWithoutALoginAndShowNoDetails() throws Exception {
        anonymous().perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        anonymous().perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        LoggedIn.mvc(context, "admin").perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.jobs.details.enabled").value(false));
    }

    @Test
    void aNodeWhoseJobExecutorShouldRunButDoesNotIsNotReady() {
        // these tests run without a job executor: as a node configured with one, that is DOWN
        assertThat(new JobExecutorReadiness(engine, managementService, true).health().getStatus())
                .isEqualTo(Status.DOWN);
        assertThat(new JobExecutorReadiness(engine, managementService, false).health().getStatus())
                .as("a node configured without one").isEqualTo(Status.UP);
    }

    @Test
    void metricsAreForAdministratorsOnly() throws Exception {
        anonymous().perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        LoggedIn.mvc(context, "mia").perform(get("/actuator/prometheus")).andExpect(status().isForbidden());
        LoggedIn.mvc(context, LoggedIn.CHANNEL).perform(get("/actuator/prometheus"))
                .andExpect(status().isForbidden());
        LoggedIn.mvc(context, "admin").perform(get("/actuator/prometheus")).andExpect(status().isOk());
    }

    @Test
    void theDesksGaugesFollowItsTickets() throws Exception {
        String before = scrape();
        double open = value(before, "servicedesk_tickets_open{tier=\"1\"}");
        double pending = value(before, "servicedesk_outbox_backlog{status=\"PENDING\"}");

        String number = intake.create(TicketScenario.newTicket(Category.REPAIR, Priority.P1)).getNumber();
        intake.routeNow(number); // routed to tier 1, the receipt notice in the outbox

        String after = scrape();
        assertThat(value(after, "servicedesk_tickets_open{tier=\"1\"}")).isEqualTo(open + 1);
        assertThat(value(after, "servicedesk_outbox_backlog{status=\"PENDING\"}")).isEqualTo(pending + 1);
        assertThat(after).contains("servicedesk_sla_breaches_total{clock=\"RESOLUTION\"}",
                "servicedesk_outbox_failed ", "hikaricp_connections_active");
    }

    private String scrape() throws Exception {
        return LoggedIn.mvc(context, "admin").perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static double value(String scrape, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        assertThat(line.find()).as(series + " in the scrape").isTrue();
        return Double.parseDouble(line.group(1));
    }
}
