package org.servicedesk.browser;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.servicedesk.ServedEngine;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.servicedesk.reporting.KnownWeek;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A manager, in a real browser, reads the weekly report on /reports: the tiles show the known
 * week's values, the charts are drawn, the CSV link downloads the same rows, and indicator rows
 * the page does not know yet show in a generic table, as text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReportsPageTest {

    /** The week after the known week: the report API answers it with these extra rows too. */
    static final String WEEK_WITH_NEW_INDICATORS = "2025-W11";

    static final String HOSTILE = "<img src=x onerror=\"document.title='injected'\">";

    @LocalServerPort int port;

    @Autowired ProcessEngine processEngine;

    @BeforeEach
    void serveThisContextsEngine() {
        ServedEngine.serve(processEngine);
    }

    @Autowired JdbcTemplate jdbc;

    @Test
    void aManagerSeesTheWeeksIndicatorsAsTilesAndChartsAndNewIndicatorsInATable() throws Exception {
        new KnownWeek(jdbc).insert();
        try (Browser browser = new Browser()) {
            openReports(browser, KnownWeek.WEEK);

            assertThat(browser.driver.findElement(By.id("week")).getDomProperty("value")).isEqualTo(KnownWeek.WEEK);
            assertThat(browser.driver.findElement(By.id("period")).getText()) // "Mon, 3 Mar 2025 to Sun, 9 Mar …"
                    .containsSubsequence("Mon", "3 Mar 2025", " to ", "Sun", "9 Mar 2025", "Asia/Shanghai");
            assertThat(tile(browser, "average_first_response_time")).isEqualTo("55.0 min");
            assertThat(basis(browser, "average_first_response_time"))
                    .isEqualTo("over 3 tickets created and responded to");
            assertThat(tile(browser, "average_resolution_time")).isEqualTo("74.7 h"); // 4480.0 minutes
            assertThat(browser.driver.findElement(By.cssSelector("[data-indicator=average_resolution_time] .value"))
                    .getDomAttribute("title")).isEqualTo("4480.0 minutes");
            assertThat(tile(browser, "first_contact_resolution_rate")).isEqualTo("33.3%");
            assertThat(basis(browser, "first_contact_resolution_rate")).isEqualTo("over 3 tickets closed");
            assertThat(tile(browser, "satisfaction_score")).isEqualTo("4.50");
            assertThat(basis(browser, "satisfaction_score")).isEqualTo("over 2 surveys answered");
            assertThat(tile(browser, "one_time_resolution_rate")).isEqualTo("66.7%");
            assertThat(tile(browser, "repeat_complaint_rate")).isEqualTo("66.7%");
            assertThat(basis(browser, "repeat_complaint_rate")).isEqualTo("over 3 complaint tickets");
            assertThat(tile(browser, "backlog")).isEqualTo("5");

            assertThat(chart(browser, "chart-stages")).containsEntry("labels",
                    List.of("Tier 1", "Tier 2", "Supervisor review"));
            assertThat(chart(browser, "chart-escalations")).containsEntry("labels",
                    List.of("needs diagnosis", "firmware bug", "customer abroad", "suspected defect", "wrong part"));
            Map<String, Object> sla = chart(browser, "chart-sla");
            assertThat(sla).containsEntry("labels", List.of("First response", "Resolution"))
                    .containsEntry("datasets", List.of("P1", "P2", "P3"));
            for (String canvas : List.of("chart-stages", "chart-escalations", "chart-sla")) {
                assertThat(paintedPixels(browser, canvas)).as("pixels drawn on %s", canvas).isGreaterThan(500);
            }
            assertThat(figures(browser, "chart-escalations")).startsWith("needs diagnosis", "3");
            assertThat(figures(browser, "chart-sla")).containsSubsequence("Resolution", "P1", "50.0%", "2");
            // the quality inspection rows have no tile or chart of their own: the generic table shows them
            assertThat(browser.driver.findElement(By.id("more")).isDisplayed()).isTrue();
            assertThat(browser.driver.findElement(By.id("more")).getText()).contains("Inspection pass rate");

            WebElement csv = browser.driver.findElement(By.id("csv"));
            assertThat(csv.getText()).isEqualTo("Download CSV");
            HttpResponse<String> download = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(csv.getDomProperty("href"))).header("Authorization", MIA).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/csv"));
            assertThat(download.body()).startsWith("indicator,dimension,value,unit\r\n")
                    .contains("\r\nbacklog,,5,count\r\n", "\r\ntop_escalation_reason,needs diagnosis,3,count\r\n");

            screenshotWholePage(browser, "reports-" + KnownWeek.WEEK);
            assertThat(browser.consoleErrors()).isEmpty(); // nothing blocked by the page's Content-Security-Policy

            browser.driver.findElement(By.id("next")).click();
            browser.wait.until(ExpectedConditions.attributeToBe(By.id("week"), "value", WEEK_WITH_NEW_INDICATORS));
            awaitLoaded(browser);
            assertThat(basis(browser, "first_contact_resolution_rate")).isEqualTo("over 2 tickets closed");
            assertThat(tile(browser, "repeat_complaint_rate")).isEqualTo("–");
            assertThat(basis(browser, "repeat_complaint_rate")).isEqualTo("nothing to measure: no complaint tickets");
            List<String> more = cells(browser, "#more-table");
            assertThat(more).containsSubsequence("Qa sampled tickets", "", "12", "count")
                    .containsSubsequence("Qa average score", "tier 1", "87.5", "points")
                    .containsSubsequence("Qa finding", HOSTILE, "25.0%", "ratio");
            assertThat(browser.driver.findElements(By.cssSelector("#more img"))).isEmpty();
            assertThat(browser.driver.getTitle()).isEqualTo("Weekly service report · Service desk");
            screenshotWholePage(browser, "reports-" + WEEK_WITH_NEW_INDICATORS + "-more-indicators");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void withoutAWeekThePageShowsTheLastCompletedWeek() throws Exception {
        String json = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports/weekly"))
                        .header("Authorization", MIA).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String lastWeek = new ObjectMapper().readTree(json).get("week").asText();
        try (Browser browser = new Browser()) {
            openReports(browser, null);
            assertThat(browser.driver.findElement(By.id("week")).getDomProperty("value")).isEqualTo(lastWeek);
            assertThat(browser.driver.findElement(By.id("next")).isDisplayed()).isFalse(); // it has not ended
            assertThat(browser.driver.findElement(By.id("previous")).getDomProperty("href")).contains("/reports?week=");
            assertThat(browser.driver.findElement(By.id("csv")).getDomProperty("href"))
                    .endsWith("/api/reports/weekly?week=" + lastWeek + "&format=csv");
        }
    }

    @Test
    void aWeekThatDoesNotExistIsExplained() {
        try (Browser browser = new Browser()) {
            openReports(browser, "2025-W53");
            WebElement message = browser.driver.findElement(By.id("message"));
            assertThat(message.getText()).contains("could not be loaded").contains("Invalid week");
            assertThat(message.getDomAttribute("class")).contains("error");
        }
    }

    /** The manager mia, for the API calls the test makes beside the browser. */
    static final String MIA = "Basic " + java.util.Base64.getEncoder().encodeToString("mia:demo".getBytes());

    /** The one way these tests open the page: as the manager mia. */
    private void openReports(Browser browser, String week) {
        browser.loginAndOpen("http://localhost:" + port, "mia", "/reports" + (week == null ? "" : "?week=" + week));
        awaitLoaded(browser);
    }

    private static void awaitLoaded(Browser browser) {
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("report"), "aria-busy", "false"));
    }

    private static String tile(Browser browser, String indicator) {
        return browser.driver.findElement(By.cssSelector("[data-indicator=" + indicator + "] .value")).getText();
    }

    private static String basis(Browser browser, String indicator) {
        return browser.driver.findElement(By.cssSelector("[data-indicator=" + indicator + "] .basis")).getText();
    }

    /** The Chart.js instance on the canvas: its labels and dataset labels. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> chart(Browser browser, String canvas) {
        Object chart = browser.driver.executeScript("""
                const chart = Chart.getChart(document.getElementById(arguments[0]));
                return chart && { labels: chart.data.labels, datasets: chart.data.datasets.map((d) => d.label) };
                """, canvas);
        assertThat(chart).as("a chart on %s", canvas).isNotNull();
        return (Map<String, Object>) chart;
    }

    /** How many pixels of the canvas are not transparent. */
    private static long paintedPixels(Browser browser, String canvas) {
        return (Long) browser.driver.executeScript("""
                const canvas = document.getElementById(arguments[0]);
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) painted++; }
                return painted;
                """, canvas);
    }

    /** The cells of the figures table under a chart, row by row (read even while it is folded). */
    private static List<String> figures(Browser browser, String canvas) {
        return cells(browser, "#" + canvas);
    }

    @SuppressWarnings("unchecked")
    private static List<String> cells(Browser browser, String selector) {
        return (List<String>) browser.driver.executeScript("""
                const element = document.querySelector(arguments[0]);
                const table = element.tagName === 'TABLE' ? element : element.closest('figure').querySelector('table');
                return [...table.querySelectorAll('td')].map((td) => td.textContent);
                """, selector);
    }

    private static void screenshotWholePage(Browser browser, String name) {
        for (int i = 0; i < 3; i++) { // the window is taller than its viewport, and charts resize with it
            Number missing = (Number) browser.driver.executeScript(
                    "return document.documentElement.scrollHeight - window.innerHeight");
            if (missing.intValue() <= 0) {
                break;
            }
            Dimension size = browser.driver.manage().window().getSize();
            browser.driver.manage().window().setSize(new Dimension(size.width, size.height + missing.intValue()));
        }
        browser.screenshot(name);
        browser.driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    /**
     * Indicators another part of the report may add: for WEEK_WITH_NEW_INDICATORS the report API
     * answers three rows the page has no code for, one of them with markup in its dimension.
     */
    @TestConfiguration
    static class NewIndicators {

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> newIndicatorRows() {
            OncePerRequestFilter filter = new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws ServletException, IOException {
                    if (!WEEK_WITH_NEW_INDICATORS.equals(request.getParameter("week"))
                            || request.getParameter("format") != null) {
                        chain.doFilter(request, response);
                        return;
                    }
                    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
                    chain.doFilter(request, wrapper);
                    ObjectMapper json = new ObjectMapper();
                    ObjectNode report = (ObjectNode) json.readTree(wrapper.getContentAsByteArray());
                    ArrayNode rows = (ArrayNode) report.get("indicators");
                    rows.addObject().put("indicator", "qa_sampled_tickets").put("dimension", "").put("value", 12)
                            .put("unit", "count");
                    rows.addObject().put("indicator", "qa_average_score").put("dimension", "tier 1")
                            .put("value", 87.5).put("unit", "points");
                    rows.addObject().put("indicator", "qa_finding").put("dimension", HOSTILE).put("value", 0.25)
                            .put("unit", "ratio");
                    byte[] body = json.writeValueAsBytes(report);
                    response.setContentLength(body.length);
                    response.getOutputStream().write(body);
                }
            };
            FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
            registration.addUrlPatterns("/api/reports/weekly");
            return registration;
        }
    }
}
