package org.servicedesk.system;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.servicedesk.engine.EngineJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Part of the readiness probe ({@code /actuator/health/readiness}): a node whose job executor should
 * run but does not is not ready, for its SLA timers would not fire. A node configured without one
 * ({@code camunda.bpm.job-execution.enabled=false}, a web-only node) is ready without it. The details
 * (shown to administrators) say how many jobs are due and how many have failed for good.
 */
@Component("jobs")
class JobExecutorReadiness extends AbstractHealthIndicator {

    private final ProcessEngineConfiguration engine;

    private final ManagementService managementService;

    private final boolean enabled;

    JobExecutorReadiness(ProcessEngineConfiguration engine, ManagementService managementService,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        super("job executor check failed");
        this.engine = engine;
        this.managementService = managementService;
        this.enabled = enabled;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        boolean active = EngineJobs.isJobExecutorActive(engine);
        (enabled && !active ? health.down() : health.up())
                .withDetail("enabled", enabled)
                .withDetail("active", active)
                .withDetail("dueJobs", managementService.createJobQuery().executable().count())
                .withDetail("failedJobs", managementService.createJobQuery().noRetriesLeft().count());
    }
}
