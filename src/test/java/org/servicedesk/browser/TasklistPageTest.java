package org.servicedesk.browser;

import org.camunda.bpm.engine.ProcessEngine;
import org.servicedesk.ServedEngine;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

/** Agents and supervisors at work in Camunda Tasklist, in a real browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistPageTest {

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    @LocalServerPort int port;

    @Autowired ProcessEngine processEngine;

    @BeforeEach
    void serveThisContextsEngine() {
        ServedEngine.serve(processEngine);
    }

    @Autowired TicketIntake intake;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;

    TicketScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new TicketScenario(runtimeService, taskService, managementService);
    }

    @Test
    void aliceClaimsANewTicketFromHerGroupsQueueAndResolvesItWithTheTier1Form() {
        String number = intake.create(TicketScenario.newTicket(Category.REPAIR, Priority.P1)).getNumber();
        scenario.executeDueJobs();

        try (Browser browser = new Browser()) {
            browser.loginAndOpen(base(), "alice", TASKLIST);
            WebElement task = openFromQueue(browser, number);
            assertThat(task.getText()).contains(number).contains("Handle at tier 1").contains("Due in");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sorting-choice"),
                    "Priority"));
            assertThat(browser.driver.findElement(By.cssSelector("ol.sorting-choice")).getText())
                    .as("the queue is worked most urgent first").contains("Priority").contains("Due date")
                    .doesNotContain("Created");
            browser.screenshot("tasklist-alice-queue");
            task.findElement(By.cssSelector("h4.task a")).click();

            browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
            WebElement complete = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//button[normalize-space()='Complete']")));
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-Field_Tier1Outcome-0']")));
            browser.click(complete); // without the required outcome: the form refuses and says why
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-error")));
            assertThat(browser.driver.findElement(By.cssSelector(".fjs-form-field-error")).getText())
                    .containsIgnoringCase("required");
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number)
                    .taskDefinitionKey(TicketLifecycle.TASK_HANDLE_TIER1).count()).isEqualTo(1);
            browser.screenshot("tasklist-alice-required-field");

            browser.click(browser.driver.findElement(By.cssSelector("label[for$='-Field_Tier1Outcome-0']")));
            browser.type(By.cssSelector("[id$='-Field_Resolution']"),
                    "Reset the oven's thermal fuse as in article 12; it heats again.");
            browser.screenshot("tasklist-alice-tier1-form");
            browser.click(complete);
            browser.wait.until(driver -> taskService.createTaskQuery().processInstanceBusinessKey(number)
                    .taskDefinitionKey(TicketLifecycle.TASK_HANDLE_TIER1).count() == 0);
            browser.screenshot("tasklist-alice-completed");
        }

        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(TicketLifecycle.TASK_HANDLE_TIER1).singleResult();
        assertThat(done.getAssignee()).isEqualTo("alice");
        assertThat(done.getDeleteReason()).isEqualTo("completed");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(done.getProcessInstanceId())
                .variableName(TicketLifecycle.VAR_TIER1_OUTCOME).singleResult().getValue()).isEqualTo("RESOLVED");
    }

    @Test
    void samSeesTheReviewOfATier2SolutionAndApprovesIt() {
        String number = intake.create(TicketScenario.newTicket(Category.TECHNICAL_FAULT, Priority.P2)).getNumber();
        scenario.executeDueJobs();
        scenario.escalateFromTier1(number, "Needs the controller's logs");
        scenario.executeDueJobs();
        scenario.resolveAtTier2(number, "Firmware 2.3 fixes the start-up loop; updated remotely.");
        scenario.executeDueJobs();
        assertThat(scenario.openTask(number, TicketLifecycle.TASK_REVIEW_RESOLUTION)).isNotNull();

        try (Browser browser = new Browser()) {
            browser.loginAndOpen(base(), "sam", TASKLIST);
            WebElement task = openFromQueue(browser, number);
            assertThat(task.getText()).contains(number).contains("Review");
            task.findElement(By.cssSelector("h4.task a")).click();

            browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//button[normalize-space()='Complete']")));
            browser.type(By.cssSelector("[id$='-Field_ReviewComment']"),
                    "Correct diagnosis; the customer gets the firmware note.");
            browser.click(browser.driver.findElement(By.cssSelector("[id$='-Field_ReviewApproved']")));
            assertThat(browser.driver.findElement(By.cssSelector(".task-details")).getText())
                    .contains("Firmware 2.3 fixes the start-up loop");
            browser.screenshot("tasklist-sam-review-form");
            browser.click(browser.driver.findElement(By.xpath("//button[normalize-space()='Complete']")));
            browser.wait.until(driver -> taskService.createTaskQuery().processInstanceBusinessKey(number)
                    .taskDefinitionKey(TicketLifecycle.TASK_REVIEW_RESOLUTION).count() == 0);
        }

        HistoricTaskInstance review = historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(TicketLifecycle.TASK_REVIEW_RESOLUTION).singleResult();
        assertThat(review.getAssignee()).isEqualTo("sam");
        assertThat(review.getDeleteReason()).isEqualTo("completed");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(review.getProcessInstanceId())
                .variableName(TicketLifecycle.VAR_REVIEW_APPROVED).singleResult().getValue()).isEqualTo(true);
    }

    /** Opens "My group's queue" and returns the list entry of the ticket's task. */
    private static WebElement openFromQueue(Browser browser, String number) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'task-filter')]//*[normalize-space(text())=\"My group's queue\"]"))).click();
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//ol[contains(@class,'tasks-list')]/li[.//h4[contains(., '" + number + "')]]")));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
