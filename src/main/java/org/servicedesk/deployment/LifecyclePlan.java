package org.servicedesk.deployment;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The engine's migration plan from one version to another ({@code mapEqualActivities}, event
 * triggers kept), or the problems that prevent one, with the wait states of the source that have
 * no counterpart in the target and the activity of each of the source's timer job definitions.
 */
record LifecyclePlan(ProcessDefinition source, ProcessDefinition target, MigrationPlan plan,
        List<MigrationReport.PlanProblem> problems, List<String> unmappedActivities,
        Map<String, String> jobDefinitionActivities) {

    boolean valid() {
        return plan != null && problems.isEmpty();
    }

    String describe() {
        return "version " + source.getVersion() + tag(source) + " → version " + target.getVersion() + tag(target);
    }

    private static String tag(ProcessDefinition definition) {
        return definition.getVersionTag() == null ? "" : " (" + definition.getVersionTag() + ")";
    }
}
