package org.servicedesk.browser;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.servicedesk.ServedEngine;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketRepository;
import org.servicedesk.ticket.ServiceLevels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A phone agent, in a real browser, looks a caller up and creates their ticket on /intake. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakePageTest {

    @LocalServerPort int port;

    @Autowired ProcessEngine processEngine;
    @Autowired ServiceLevels serviceLevels;

    @BeforeEach
    void serveThisContextsEngine() {
        ServedEngine.serve(processEngine);
    }

    @Autowired TicketRepository tickets;

    @Test
    void aPhoneAgentCreatesATicketAndSeesItsNumberAndDueTimes() {
        try (Browser browser = new Browser()) {
            browser.loginAndOpen("http://localhost:" + port, "alice", "/intake");
            browser.driver.findElement(By.id("customerName")).sendKeys("赵六");
            browser.driver.findElement(By.id("phone")).sendKeys("13611112222");
            browser.driver.findElement(By.id("lookup")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer"), "New customer"));

            new Select(browser.driver.findElement(By.id("category"))).selectByValue("REPAIR");
            new Select(browser.driver.findElement(By.id("priority"))).selectByValue("P0");
            browser.driver.findElement(By.id("subject")).sendKeys("Freezer <b>not</b> cooling");
            browser.driver.findElement(By.id("description")).sendKeys("Model F-300, bought 2025-08; warm since today.");
            browser.driver.findElement(By.id("create")).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result .number")));
            String number = browser.driver.findElement(By.cssSelector("#result .number")).getText();
            assertThat(number).matches("CG\\d{8}\\d{3,}");
            String result = browser.driver.findElement(By.id("result")).getText();
            assertThat(result).contains("Status: UNASSIGNED").contains("Respond by:").contains("Resolve by:")
                    .doesNotContain("Respond by: –");
            browser.screenshot("intake-created");

            Ticket ticket = tickets.findByNumber(number).orElseThrow();
            assertThat(ticket.getSubject()).isEqualTo("Freezer <b>not</b> cooling");
            assertThat(serviceLevels.dueDates(ticket.getId()).response()).isNotNull();

            browser.driver.findElement(By.id("lookup")).click(); // the same caller again
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer"), number));
            String customer = browser.driver.findElement(By.id("customer")).getText();
            assertThat(customer).contains("Known customer 赵*").contains("STANDARD").contains("Freezer <b>not</b> cooling");
            browser.screenshot("intake-known-customer");
        }
    }
}
