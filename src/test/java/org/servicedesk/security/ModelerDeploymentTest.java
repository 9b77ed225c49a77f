package org.servicedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.ServedEngine;
import org.servicedesk.TicketScenario;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * An analyst ships a change of the lifecycle from Camunda Modeler: the Modeler's deploy request
 * ({@code POST /engine-rest/deployment/create}, HTTP Basic with the analyst's own user, the diagram
 * plus its forms as additional files, {@code deploy-changed-only}) makes a new version that new
 * tickets run on, with their forms. A deployment that would leave the agents' tasks without their
 * forms is refused with a message that says what to add, not accepted to fail later in Tasklist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ModelerDeploymentTest {

    static final List<String> LIFECYCLE_FORMS = List.of("handle-tier1.form", "handle-tier2.form",
            "handle-tier3.form", "review-resolution.form");

    @LocalServerPort int port;

    @Autowired ProcessEngine processEngine;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired FormService formService;
    @Autowired TicketIntake intake;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serveThisContextsEngine() {
        ServedEngine.serve(processEngine);
    }

    @AfterEach
    void resetClock() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    @Test
    void anAnalystDeploysAChangedLifecycleWithItsFormsAndNewTicketsRunOnIt() throws Exception {
        ProcessDefinition before = latestLifecycle();

        HttpResponse<String> response = deployAsModeler("ana", "lifecycle: tier 1 renamed", changedLifecycle(),
                LIFECYCLE_FORMS);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ProcessDefinition after = latestLifecycle();
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(after.getDeploymentId()).singleResult().getSource()).isEqualTo("Camunda Modeler");

        String number = intake.create(TicketScenario.newTicket(Category.INQUIRY, Priority.P2)).getNumber();
        TicketScenario scenario = new TicketScenario(runtimeService, taskService, managementService);
        scenario.executeDueJobs();
        Task tier1 = scenario.openTask(number, TicketLifecycle.TASK_HANDLE_TIER1);
        assertThat(tier1.getProcessDefinitionId()).isEqualTo(after.getId());
        assertThat(tier1.getName()).endsWith("Handle at tier 1 (first line)");
        assertThat(new String(formService.getDeployedTaskForm(tier1.getId()).readAllBytes(), StandardCharsets.UTF_8))
                .contains("\"id\": \"HandleTier1Form\"");
    }

    @Test
    void theChangeWithoutItsFormsIsRefusedNamingEveryTaskAndNothingIsDeployed() throws Exception {
        ProcessDefinition before = latestLifecycle();

        HttpResponse<String> response = deployAsModeler("ana", "lifecycle without forms", changedLifecycle(), List.of(
                "handle-tier1.form"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Deployment refused")
                .contains("userTask 'Task_HandleTier2' binds the form HandleTier2Form by deployment")
                .contains("Task_HandleTier3").contains("Task_ReviewResolution")
                .doesNotContain("'Task_HandleTier1'").contains("Include additional files");
        assertThat(latestLifecycle().getId()).isEqualTo(before.getId());
    }

    @Test
    void aSecondDeploymentUnderTheSameNameLosesTheUnchangedFormsAndIsRefused() throws Exception {
        assertThat(deployAsModeler("ana", "lifecycle change", changedLifecycle(), LIFECYCLE_FORMS).statusCode())
                .isEqualTo(200);
        ProcessDefinition first = latestLifecycle();

        String again = changedLifecycle().replace("(first line)", "(first line, again)");
        HttpResponse<String> sameName = deployAsModeler("ana", "lifecycle change", again, LIFECYCLE_FORMS);

        assertThat(sameName.statusCode()).isEqualTo(400);
        assertThat(sameName.body()).contains("binds the form HandleTier1Form by deployment")
                .contains("a name not used before");
        assertThat(latestLifecycle().getId()).isEqualTo(first.getId());
        assertThat(deployAsModeler("ana", "lifecycle change 2", again, LIFECYCLE_FORMS).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAnalystsDeployFromTheModeler() throws Exception {
        ProcessDefinition before = latestLifecycle();
        assertThat(deployAsModeler("alice", "agent's change", changedLifecycle(), LIFECYCLE_FORMS).statusCode())
                .isEqualTo(403);
        assertThat(deployAsModeler("mia", "manager's change", changedLifecycle(), LIFECYCLE_FORMS).statusCode())
                .isEqualTo(403);
        assertThat(deployAsModeler(null, "anonymous change", changedLifecycle(), LIFECYCLE_FORMS).statusCode())
                .isEqualTo(401);
        assertThat(latestLifecycle().getId()).isEqualTo(before.getId());
    }

    private ProcessDefinition latestLifecycle() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(TicketLifecycle.PROCESS_ID)
                .latestVersion().singleResult();
    }

    private static String changedLifecycle() throws IOException {
        String bpmn = Files.readString(Path.of(TicketLifecycle.RESOURCE));
        String changed = bpmn.replace("name=\"Handle at tier 1\"", "name=\"Handle at tier 1 (first line)\"");
        assertThat(changed).isNotEqualTo(bpmn);
        return changed;
    }

    /** The request Camunda Modeler's Deploy dialog sends for Camunda 7 with additional files. */
    private HttpResponse<String> deployAsModeler(String user, String deploymentName, String bpmn, List<String> forms)
            throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", deploymentName);
        fields.put("deployment-source", "Camunda Modeler");
        fields.put("deploy-changed-only", "true");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("ticket-lifecycle.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
        for (String form : forms) {
            files.put(form, Files.readAllBytes(Path.of("forms", form)));
        }
        String boundary = "modeler" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        files.forEach((name, bytes) -> {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(bytes);
            write(body, "\r\n");
        });
        write(body, "--" + boundary + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofByteArray(body.toByteArray()));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
