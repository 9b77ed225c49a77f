package org.servicedesk.deployment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Builds the plan between two versions: every activity mapped to the one with the same id, type and
 * enclosing scope ({@code mapEqualActivities}). Event triggers are deliberately not updated: a
 * migrated timer keeps its job and so its due date (with {@code updateEventTriggers} the engine would
 * compute SLA timers anew from the migration's moment), a migrated message wait keeps its message.
 */
@Component
class LifecyclePlans {

    private final RuntimeService runtimeService;

    private final RepositoryService repositoryService;

    private final ManagementService managementService;

    LifecyclePlans(RuntimeService runtimeService, RepositoryService repositoryService,
            ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.managementService = managementService;
    }

    LifecyclePlan between(ProcessDefinition source, ProcessDefinition target) {
        String sourceMajor = major(source.getVersionTag());
        String targetMajor = major(target.getVersionTag());
        if (sourceMajor != null && targetMajor != null && !sourceMajor.equals(targetMajor)) {
            // a new major version changes the lifecycle's structure or variables (2.x -> 3.0: the SLA clocks
            // left the lifecycle, "Who acts next?" needs customerMustAnswer): equal ids do not mean equal meaning
            return new LifecyclePlan(source, target, null, List.of(new MigrationReport.PlanProblem(null, null,
                    List.of("Version tag " + source.getVersionTag() + " to " + target.getVersionTag()
                            + " is a new major version: its tickets finish on " + source.getVersionTag()
                            + "; tickets move only between versions of the same major version."))),
                    unmapped(source, List.of()), Map.of());
        }
        MigrationPlan plan;
        List<MigrationReport.PlanProblem> problems = List.of();
        try {
            plan = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            plan = e.getValidationReport().getMigrationPlan();
            problems = e.getValidationReport().getInstructionReports().stream()
                    .map(report -> new MigrationReport.PlanProblem(report.getMigrationInstruction().getSourceActivityId(),
                            report.getMigrationInstruction().getTargetActivityId(), List.copyOf(report.getFailures())))
                    .toList();
            if (problems.isEmpty()) {
                problems = List.of(new MigrationReport.PlanProblem(null, null,
                        List.of("The engine refuses a plan between these versions.")));
            }
        }
        Map<String, String> jobActivities = managementService.createJobDefinitionQuery()
                .processDefinitionId(source.getId()).list().stream()
                .collect(Collectors.toMap(JobDefinition::getId, definition -> String.valueOf(definition.getActivityId())));
        return new LifecyclePlan(source, target, problems.isEmpty() ? plan : null, problems,
                unmapped(source, plan == null ? List.of() : plan.getInstructions()), jobActivities);
    }

    /** "3" of "3.1"; null without a version tag. */
    private static String major(String versionTag) {
        return versionTag == null || versionTag.isBlank() ? null : versionTag.split("\\.", 2)[0].trim();
    }

    /** The source's wait states (where a ticket can stand) that no instruction moves. */
    private List<String> unmapped(ProcessDefinition source, Collection<MigrationInstruction> instructions) {
        Set<String> mapped = instructions.stream().map(MigrationInstruction::getSourceActivityId)
                .collect(Collectors.toSet());
        return repositoryService.getBpmnModelInstance(source.getId()).getModelElementsByType(FlowNode.class).stream()
                .filter(LifecyclePlans::waitState)
                .map(FlowNode::getId)
                .filter(id -> !mapped.contains(id))
                .sorted()
                .toList();
    }

    /**
     * Where a ticket can stand, or what holds a timer or subscription for it. Error and escalation
     * boundary events hold nothing while a ticket waits (the target's catch the error when it is
     * thrown), so the engine maps none and they are not listed; nor is a link catch event, which a
     * ticket passes in the same step as its throw.
     */
    private static boolean waitState(FlowNode node) {
        if (node instanceof BoundaryEvent boundary) {
            return boundary.getEventDefinitions().stream().anyMatch(definition -> definition instanceof TimerEventDefinition
                    || definition instanceof MessageEventDefinition || definition instanceof SignalEventDefinition
                    || definition instanceof ConditionalEventDefinition);
        }
        return node instanceof UserTask || node instanceof ReceiveTask || node instanceof SubProcess
                || node instanceof IntermediateCatchEvent catchEvent && !isLink(catchEvent) || node instanceof EventBasedGateway
                || node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter();
    }

    private static boolean isLink(IntermediateCatchEvent event) {
        return event.getEventDefinitions().stream().anyMatch(definition -> definition instanceof LinkEventDefinition);
    }
}
