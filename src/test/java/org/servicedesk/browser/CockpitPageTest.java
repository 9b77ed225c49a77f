package org.servicedesk.browser;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.servicedesk.ServedEngine;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.servicedesk.TicketScenario;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A manager in Cockpit, in a real browser: finds a ticket's instance by its number, reads it, cannot cancel it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CockpitPageTest {

    @LocalServerPort int port;

    @Autowired ProcessEngine processEngine;

    @BeforeEach
    void serveThisContextsEngine() {
        ServedEngine.serve(processEngine);
    }

    @Autowired TicketIntake intake;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    @Test
    void miaFindsTheInstanceByTicketNumberSeesNoPersonalDataAndCannotCancelIt() {
        TicketScenario scenario = new TicketScenario(runtimeService, taskService, managementService);
        String number = intake.create(TicketScenario.newTicket(Category.REPAIR, Priority.P1)).getNumber();
        scenario.executeDueJobs();
        ProcessInstance instance = scenario.lifecycle(number);
        String definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(TicketLifecycle.PROCESS_ID).latestVersion().singleResult().getId();

        try (Browser browser = new Browser("cockpit-mia")) {
            browser.loginAndOpen(base(), "mia", "/camunda/app/cockpit/default/#/process-definition/" + definition
                    + "/runtime");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "Process Instances"));
            WebElement search = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".ctn-tabbed-content input[placeholder='Add criteria']")));
            search.click();
            search.sendKeys(number, Keys.ENTER); // the default criterion is the business key
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.xpath("//*[contains(@class,'search-container')]"), number));
            WebElement link = browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText(instance.getId())));
            assertThat(browser.driver.findElements(By.xpath("//table//tr[td]"))).hasSize(1);
            browser.screenshot("cockpit-mia-search");
            link.click();

            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "ticketNumber"));
            String shown = browser.driver.findElement(By.tagName("body")).getText();
            assertThat(shown).contains(number).contains("priority");
            assertThat(shown).doesNotContain(TicketScenario.CUSTOMER_NAME).doesNotContain(TicketScenario.CUSTOMER_PHONE);
            browser.screenshot("cockpit-mia-instance");

            browser.click(browser.driver.findElement(By.cssSelector("[uib-tooltip='Delete running process instance']")));
            browser.wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector(".modal button[ng-click='cancelProcessInstance()']"))).click();
            WebElement dialog = browser.driver.findElement(By.cssSelector(".modal"));
            browser.wait.until(driver -> dialog.getText().contains("does not have"));
            browser.screenshot("cockpit-mia-cancel-refused");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
