package org.servicedesk.deployment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Migrates tickets with a plan and says what went wrong: what the engine refuses (an activity
 * without instruction, say), and what it would do quietly but the desk does not accept, a waiting
 * timer or message that disappears or a timer whose due date moves. The engine checks one ticket at
 * a time and stops at the first it refuses, so {@link #check} tries each ticket on its own, in a
 * transaction that is always rolled back.
 */
@Component
class TrialMigration {

    private static final Logger log = LoggerFactory.getLogger(TrialMigration.class);

    /** A timer job or an event subscription a ticket waits on. */
    private record Trigger(String activityId, String what, Instant dueAt) {
    }

    private final RuntimeService runtimeService;

    private final ManagementService managementService;

    private final TransactionTemplate transaction;

    TrialMigration(RuntimeService runtimeService, ManagementService managementService,
            PlatformTransactionManager transactionManager) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** What keeps this ticket from moving (empty: it would move); changes nothing. */
    List<String> check(LifecyclePlan plan, ProcessInstance instance) {
        List<MigrationReport.InstanceProblem> problems = transaction.execute(status -> {
            status.setRollbackOnly();
            return migrate(plan, List.of(instance));
        });
        return problems.stream().flatMap(problem -> problem.reasons().stream()).toList();
    }

    /**
     * Migrates the tickets in the caller's transaction, which must be rolled back unless the answer is
     * empty. After a refusal of the engine the answer names the first ticket it refused only.
     */
    List<MigrationReport.InstanceProblem> migrate(LifecyclePlan plan, List<ProcessInstance> instances) {
        Map<String, Map<String, Trigger>> before = new LinkedHashMap<>();
        instances.forEach(instance -> before.put(instance.getId(), triggers(plan, instance.getId())));
        try {
            runtimeService.newMigration(plan.plan())
                    .processInstanceIds(instances.stream().map(ProcessInstance::getId).toList())
                    .execute();
        } catch (MigratingProcessInstanceValidationException e) {
            MigratingProcessInstanceValidationReport report = e.getValidationReport();
            return List.of(new MigrationReport.InstanceProblem(numberOf(instances, report.getProcessInstanceId()),
                    reasons(report)));
        } catch (ProcessEngineException e) {
            log.warn("migrating {} ticket(s) from the lifecycle's {} failed: {}", instances.size(), plan.describe(),
                    e.getMessage());
            String number = instances.size() == 1 ? instances.get(0).getBusinessKey() : null;
            return List.of(new MigrationReport.InstanceProblem(number,
                    List.of("The engine could not migrate it (the log has the engine's message).")));
        }
        List<MigrationReport.InstanceProblem> problems = new ArrayList<>();
        for (ProcessInstance instance : instances) {
            List<String> lost = lost(before.get(instance.getId()), triggers(plan, instance.getId()));
            if (!lost.isEmpty()) {
                problems.add(new MigrationReport.InstanceProblem(instance.getBusinessKey(), lost));
            }
        }
        return problems;
    }

    private Map<String, Trigger> triggers(LifecyclePlan plan, String processInstanceId) {
        Map<String, Trigger> triggers = new LinkedHashMap<>();
        for (Job timer : managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
            String activity = plan.jobDefinitionActivities().getOrDefault(timer.getJobDefinitionId(), "a timer");
            triggers.put("job " + timer.getId(), new Trigger(activity, "timer",
                    timer.getDuedate() == null ? null : timer.getDuedate().toInstant()));
        }
        for (EventSubscription subscription : runtimeService.createEventSubscriptionQuery()
                .processInstanceId(processInstanceId).list()) {
            if (!"compensate".equals(subscription.getEventType())) {
                triggers.put("subscription " + subscription.getId(), new Trigger(subscription.getActivityId(),
                        subscription.getEventType() + " " + subscription.getEventName(), null));
            }
        }
        return triggers;
    }

    /** Triggers the migration removed or, for timers, moved. */
    private static List<String> lost(Map<String, Trigger> before, Map<String, Trigger> after) {
        List<String> lost = new ArrayList<>();
        before.forEach((id, trigger) -> {
            Trigger now = after.get(id);
            if (now == null) {
                lost.add(trigger.activityId() + ": its waiting " + trigger.what()
                        + " would be removed (the target has no equal activity)");
            } else if (trigger.dueAt() != null && !trigger.dueAt().equals(now.dueAt())) {
                lost.add(trigger.activityId() + ": its timer would move from " + trigger.dueAt() + " to " + now.dueAt());
            }
        });
        return lost;
    }

    private static List<String> reasons(MigratingProcessInstanceValidationReport report) {
        List<String> reasons = new ArrayList<>(report.getFailures());
        report.getActivityInstanceReports().forEach(activity -> activity.getFailures()
                .forEach(failure -> reasons.add(activity.getSourceScopeId() + ": " + failure)));
        report.getTransitionInstanceReports().forEach(transition -> transition.getFailures()
                .forEach(failure -> reasons.add(transition.getSourceScopeId() + ": " + failure)));
        return reasons;
    }

    private static String numberOf(List<ProcessInstance> instances, String processInstanceId) {
        return instances.stream().filter(instance -> instance.getId().equals(processInstanceId))
                .map(ProcessInstance::getBusinessKey).findFirst().orElse(null);
    }
}
