package org.servicedesk.deployment;

import java.util.List;

/**
 * The answer of a lifecycle migration, dry run or not: per source version, how many tickets run on
 * it, how many were looked at in this call (at most {@code limit} in all), and what keeps them
 * there. Ticket numbers and activity ids only, nothing about the customer.
 */
record MigrationReport(boolean dryRun, String processDefinitionKey, int targetVersion, String targetVersionTag,
        int limit, List<Source> sources) {

    /**
     * One source version. {@code migratable}: looked at and would move (dry run); {@code migrated}: moved
     * (real run); {@code remaining}: still running on this version after this call.
     */
    record Source(int version, String versionTag, long runningInstances, int checked, int migratable, int migrated,
            long remaining, List<String> unmappedActivities, List<PlanProblem> planProblems,
            List<InstanceProblem> notMigratable) {
    }

    /** An instruction of the plan the engine refuses for every instance (MigrationPlanValidationReport). */
    record PlanProblem(String sourceActivity, String targetActivity, List<String> reasons) {
    }

    /** A ticket that cannot move: the engine's reasons and the timers or messages it would lose. */
    record InstanceProblem(String ticketNumber, List<String> reasons) {
    }
}
