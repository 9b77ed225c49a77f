package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.servicedesk.system.ProcessDeployer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Restarting the application on the same database deploys no new version of anything unchanged. */
class RestartIT {

    record Snapshot(Map<String, Integer> latestVersions, long deployments, List<String> resources) {
    }

    @Test
    void aRestartDeploysNothingNew() {
        Snapshot first = startAndSnapshot();
        Snapshot second = startAndSnapshot();

        assertThat(first.latestVersions()).containsKeys("TicketLifecycleProcess", "SatisfactionSurveyProcess",
                "TicketRouting");
        assertThat(first.resources()).contains("processes/ticket-lifecycle.bpmn", "processes/ticket-routing.dmn",
                "forms/handle-tier1.form", "forms/review-resolution.form", "forms/follow-up-dissatisfied.form");
        assertThat(second).isEqualTo(first);
    }

    private static Snapshot startAndSnapshot() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ServiceDeskApplication.class)
                .profiles("postgres", "it")
                .properties("server.port=0")
                .run()) {
            RepositoryService repository = app.getBean(RepositoryService.class);
            Map<String, Integer> versions = new TreeMap<>();
            for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
                versions.put(definition.getKey(), definition.getVersion());
            }
            repository.createDecisionDefinitionQuery().latestVersion().list()
                    .forEach(decision -> versions.put(decision.getKey(), decision.getVersion()));
            List<Deployment> deployments = repository.createDeploymentQuery()
                    .deploymentName(ProcessDeployer.DEPLOYMENT_NAME).orderByDeploymentTime().desc().list();
            List<String> resources = repository.getDeploymentResourceNames(deployments.get(0).getId());
            return new Snapshot(versions, deployments.size(), resources.stream().sorted().toList());
        }
    }
}
