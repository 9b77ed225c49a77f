package org.servicedesk.security;

import static org.servicedesk.security.Roles.ANALYSTS;
import static org.servicedesk.security.Roles.SUPERVISORS;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which engine API endpoints each role reaches (docs/security.md, "Engine API by role"): what its
 * work in Tasklist or Cockpit needs, nothing more. Paths are inside the engine
 * ({@link EngineApi#pathOf}); the engine's own authorizations still decide which data a call sees.
 * Administrators reach everything but the password oracle.
 *
 * <ul>
 * <li>Tasklist users (tiers, supervisors, inspectors) read tasks, filters, definitions, users,
 * groups and history, run task queries and filters, and claim, complete, comment and (supervisors)
 * reassign tasks. They do not write variables, create or delete tasks, start processes, correlate
 * messages or change filters: tickets change only through their tasks' forms and our API.</li>
 * <li>Cockpit users (managers, analysts) read everything and run queries; analysts also deploy
 * and delete deployments (checked by {@code DeploymentGuard}).</li>
 * <li>Channel integrations reach no engine endpoint at all (WebSecurity refuses them earlier).</li>
 * </ul>
 */
final class EngineApiPolicy {

    private static final Set<String> READ = Set.of("GET", "HEAD", "OPTIONS");

    /** Queries sent as POST because their criteria do not fit a query string: reading, not changing. */
    private static final Pattern QUERY = Pattern.compile("^/(task|process-instance|execution|variable-instance"
            + "|external-task|incident|job)(/count)?$|^/history/(process-instance|task|activity-instance"
            + "|variable-instance|detail|decision-instance|job-log|incident|identity-link-log|user-operation"
            + "|external-task-log)(/count)?$|^/filter/[^/]+/(list|count|singleResult)$");

    private static final Pattern TASKLIST_READS = Pattern.compile("^/(engine|version|task|filter|process-definition"
            + "|case-definition|user|group|history|process-instance|variable-instance|authorization|tenant"
            + "|identity/groups)(/.*)?$");

    private static final Pattern TASK_WORK = Pattern.compile("^/task/[^/]+/(claim|unclaim|complete|submit-form"
            + "|resolve|comment/create)$");

    private static final Pattern TASK_REASSIGN = Pattern.compile("^/task/[^/]+/(assignee|delegate|identity-links"
            + "|identity-links/delete)$");

    /** Due and follow-up dates; the engine allows it only with UPDATE_TASK (supervisors). */
    private static final Pattern TASK_UPDATE = Pattern.compile("^/task/[^/]+$");

    private static final Pattern DEPLOYMENT_CHANGE = Pattern.compile("^/deployment/(create|[^/]+/redeploy)$");

    private static final Pattern DEPLOYMENT = Pattern.compile("^/deployment/[^/]+$");

    /** Checks a password with no throttle in front of it: nobody's work needs it. */
    private static final Pattern PASSWORD_ORACLE = Pattern.compile("^/identity/verify$");

    record Rule(Set<String> methods, Pattern path, Set<String> groups) {

        boolean allows(String method, String path, Collection<String> memberOf) {
            return methods.contains(method) && path().matcher(path).matches()
                    && memberOf.stream().anyMatch(groups::contains);
        }
    }

    static final Set<String> TASKLIST_USERS = Set.copyOf(Roles.TASKLIST_USERS);

    static final Set<String> COCKPIT_USERS = Set.copyOf(Roles.COCKPIT_USERS);

    static final Set<String> STAFF = Stream.concat(TASKLIST_USERS.stream(), COCKPIT_USERS.stream())
            .collect(Collectors.toUnmodifiableSet());

    static final List<Rule> RULES = List.of(
            new Rule(READ, TASKLIST_READS, TASKLIST_USERS),
            new Rule(READ, Pattern.compile("^/.*$"), COCKPIT_USERS),
            new Rule(Set.of("POST"), QUERY, STAFF),
            new Rule(Set.of("POST"), TASK_WORK, TASKLIST_USERS),
            new Rule(Set.of("POST"), TASK_REASSIGN, Set.of(SUPERVISORS)),
            new Rule(Set.of("PUT"), TASK_UPDATE, Set.of(SUPERVISORS)),
            new Rule(Set.of("POST"), DEPLOYMENT_CHANGE, Set.of(ANALYSTS)),
            new Rule(Set.of("DELETE"), DEPLOYMENT, Set.of(ANALYSTS)));

    private EngineApiPolicy() {
    }

    static boolean allows(String method, String enginePath, Collection<String> memberOf) {
        if (PASSWORD_ORACLE.matcher(enginePath).matches()) {
            return false;
        }
        if (memberOf.contains(Roles.ADMIN)) {
            return true;
        }
        return RULES.stream().anyMatch(rule -> rule.allows(method, enginePath, memberOf));
    }
}
