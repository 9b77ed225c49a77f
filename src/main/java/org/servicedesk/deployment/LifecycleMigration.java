package org.servicedesk.deployment;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.servicedesk.system.AsSystem;
import org.servicedesk.ticket.TicketLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running tickets from older versions of the ticket lifecycle to a newer one, or (dry run)
 * says what would move. A real run is all or nothing: every ticket looked at moves, in one
 * transaction, or none does and the answer is a 409 with a dry run's report of the same tickets. At most
 * {@value #LIMIT} tickets per call, synchronously; the report says how many remain for the next call.
 * Engine calls run as the desk itself (the caller's role was checked by WebSecurity; analysts have no
 * migration right in the engine's API).
 */
@Service
class LifecycleMigration {

    static final int LIMIT = 500;

    private static final Logger log = LoggerFactory.getLogger(LifecycleMigration.class);

    /** The tickets of one source version taken in this call. */
    private record Selection(LifecyclePlan plan, long running, List<ProcessInstance> instances) {
    }

    private final RepositoryService repositoryService;

    private final RuntimeService runtimeService;

    private final LifecyclePlans plans;

    private final TrialMigration trial;

    private final MigrationTimeline timeline;

    private final AsSystem asSystem;

    private final TransactionTemplate transaction;

    LifecycleMigration(RepositoryService repositoryService, RuntimeService runtimeService, LifecyclePlans plans,
            TrialMigration trial, MigrationTimeline timeline, AsSystem asSystem,
            PlatformTransactionManager transactionManager) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.plans = plans;
        this.trial = trial;
        this.timeline = timeline;
        this.asSystem = asSystem;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** {@code sourceVersion} null: every older version; {@code targetVersion} null: the latest. */
    MigrationReport run(Integer sourceVersion, Integer targetVersion, boolean dryRun, String actor) {
        return asSystem.call(() -> {
            ProcessDefinition target = target(targetVersion);
            List<Selection> selections = select(sources(sourceVersion, target), sourceVersion == null, target);
            if (dryRun) {
                return dryRun(selections, target);
            }
            if (selections.stream().anyMatch(selection -> !selection.plan().valid())) {
                throw MigrationRefused.notMigratable(dryRun(selections, target));
            }
            return migrate(selections, target, actor);
        });
    }

    private ProcessDefinition target(Integer version) {
        if (version == null) {
            ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
                    .processDefinitionKey(TicketLifecycle.PROCESS_ID).latestVersion().singleResult();
            if (latest == null) {
                throw MigrationRefused.invalid("targetVersion", "The ticket lifecycle is not deployed.");
            }
            return latest;
        }
        return version(version, "targetVersion");
    }

    private List<ProcessDefinition> sources(Integer version, ProcessDefinition target) {
        if (version == null) {
            return repositoryService.createProcessDefinitionQuery().processDefinitionKey(TicketLifecycle.PROCESS_ID)
                    .orderByProcessDefinitionVersion().asc().list().stream()
                    .filter(definition -> definition.getVersion() < target.getVersion()).toList();
        }
        ProcessDefinition source = version(version, "sourceVersion");
        if (version == target.getVersion()) {
            throw MigrationRefused.invalid("sourceVersion",
                    "sourceVersion and targetVersion are both " + version + ": nothing to migrate.");
        }
        if (version > target.getVersion()) {
            throw MigrationRefused.invalid("targetVersion", "targetVersion " + target.getVersion()
                    + " is older than sourceVersion " + version + ": tickets move only to a newer version.");
        }
        return List.of(source);
    }

    private ProcessDefinition version(int version, String field) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(TicketLifecycle.PROCESS_ID).processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw MigrationRefused.invalid(field, "There is no version " + version + " of the ticket lifecycle ("
                    + TicketLifecycle.PROCESS_ID + ").");
        }
        return definition;
    }

    /** The versions with running tickets (or the one asked for), oldest first, up to the limit in all. */
    private List<Selection> select(List<ProcessDefinition> sources, boolean skipIdle, ProcessDefinition target) {
        List<Selection> selections = new ArrayList<>();
        int budget = LIMIT;
        for (ProcessDefinition source : sources) {
            long running = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
            if (running == 0 && skipIdle) {
                continue;
            }
            List<ProcessInstance> instances = budget == 0 ? List.of()
                    : runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
                            .orderByProcessInstanceId().asc().listPage(0, budget);
            budget -= instances.size();
            selections.add(new Selection(plans.between(source, target), running, instances));
        }
        return selections;
    }

    /** Each ticket tried on its own and rolled back. */
    private MigrationReport dryRun(List<Selection> selections, ProcessDefinition target) {
        List<MigrationReport.Source> sources = new ArrayList<>();
        for (Selection selection : selections) {
            List<MigrationReport.InstanceProblem> problems = new ArrayList<>();
            if (selection.plan().valid()) {
                for (ProcessInstance instance : selection.instances()) {
                    List<String> reasons = trial.check(selection.plan(), instance);
                    if (!reasons.isEmpty()) {
                        problems.add(new MigrationReport.InstanceProblem(instance.getBusinessKey(), reasons));
                    }
                }
            }
            int migratable = selection.plan().valid() ? selection.instances().size() - problems.size() : 0;
            sources.add(source(selection, migratable, 0, problems));
        }
        return report(true, target, sources);
    }

    private MigrationReport migrate(List<Selection> selections, ProcessDefinition target, String actor) {
        boolean moved = Boolean.TRUE.equals(transaction.execute(status -> {
            for (Selection selection : selections) {
                if (selection.instances().isEmpty()) {
                    continue;
                }
                if (!trial.migrate(selection.plan(), selection.instances()).isEmpty()) {
                    status.setRollbackOnly();
                    return false;
                }
                timeline.recordMoved(selection.instances(), selection.plan(), actor);
            }
            return true;
        }));
        if (!moved) {
            // nothing was kept; the dry run names every ticket that keeps the others
            throw MigrationRefused.notMigratable(dryRun(selections, target));
        }
        List<MigrationReport.Source> sources = new ArrayList<>();
        for (Selection selection : selections) {
            int migrated = selection.instances().size();
            if (migrated > 0) {
                log.info("{} migrated {} ticket(s) of the ticket lifecycle from {}", actor, migrated,
                        selection.plan().describe());
            }
            sources.add(source(selection, 0, migrated, List.of()));
        }
        return report(false, target, sources);
    }

    private static MigrationReport.Source source(Selection selection, int migratable, int migrated,
            List<MigrationReport.InstanceProblem> problems) {
        ProcessDefinition source = selection.plan().source();
        return new MigrationReport.Source(source.getVersion(), source.getVersionTag(), selection.running(),
                selection.instances().size(), migratable, migrated, selection.running() - migrated,
                selection.plan().unmappedActivities(), selection.plan().problems(), problems);
    }

    private static MigrationReport report(boolean dryRun, ProcessDefinition target, List<MigrationReport.Source> sources) {
        return new MigrationReport(dryRun, TicketLifecycle.PROCESS_ID, target.getVersion(), target.getVersionTag(),
                LIMIT, sources);
    }
}
