package org.servicedesk.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_WORK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_TASK;
import static org.servicedesk.security.Roles.ANALYSTS;
import static org.servicedesk.security.Roles.SUPERVISORS;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.servicedesk.system.TasklistFilters;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The desk's role model in the engine, ensured at every start (created when missing, never
 * narrowed): the groups, which web application each group opens, what it may do with process
 * definitions, instances and deployments, and which Tasklist filters it sees.
 *
 * <p>Agents, engineers and inspectors see the tasks of their own group through the engine's
 * default task permissions (a candidate group may read and work its tasks). Supervisors see and
 * reassign every ticket task. Managers read everything in Cockpit and change nothing. Analysts
 * read everything and deploy. {@code camunda-admin} may do everything.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AccessPolicy implements ApplicationRunner {

    static final String TASKLIST = "tasklist";
    static final String COCKPIT = "cockpit";

    private static final String ANY = Authorization.ANY;

    private final IdentityService identityService;

    private final AuthorizationService authorizationService;

    private final FilterService filterService;

    private final List<SupervisedProcess> supervised;

    AccessPolicy(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, List<SupervisedProcess> supervised) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.supervised = supervised;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Roles.Role role : Roles.ALL) {
            if (identityService.createGroupQuery().groupId(role.id()).count() == 0) {
                Group group = identityService.newGroup(role.id());
                group.setName(role.name());
                group.setType(role.type());
                identityService.saveGroup(group);
            }
        }
        for (Resources resource : Resources.values()) {
            grant(Roles.ADMIN, resource, ANY, ALL);
        }
        for (String group : Roles.TASKLIST_USERS) {
            grant(group, Resources.APPLICATION, TASKLIST, ACCESS);
        }
        for (String group : Roles.COCKPIT_USERS) {
            grant(group, Resources.APPLICATION, COCKPIT, ACCESS);
            readEverything(group);
        }
        grant(ANALYSTS, Resources.DEPLOYMENT, ANY, CREATE, READ, DELETE);
        for (SupervisedProcess process : supervised) {
            grant(SUPERVISORS, Resources.PROCESS_DEFINITION, process.processDefinitionKey(), READ, READ_TASK,
                    UPDATE_TASK, TASK_ASSIGN, TASK_WORK);
        }
        for (String filter : List.of(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS_QUEUE, TasklistFilters.VIP,
                TasklistFilters.DUE_WITHIN_1_H, TasklistFilters.OVERDUE)) {
            for (String group : Roles.TASKLIST_USERS) {
                grantFilter(group, filter);
            }
        }
        grantFilter(SUPERVISORS, TasklistFilters.SLA_BREACHES);
        grantFilter(SUPERVISORS, TasklistFilters.FOLLOW_UPS);
    }

    /** Cockpit without any right to change: definitions, instances, tasks, history, decisions, deployments. */
    private void readEverything(String group) {
        grant(group, Resources.PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_TASK, READ_HISTORY);
        grant(group, Resources.PROCESS_INSTANCE, ANY, READ);
        grant(group, Resources.TASK, ANY, READ);
        grant(group, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY);
        grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
        grant(group, Resources.DEPLOYMENT, ANY, READ);
    }

    private void grantFilter(String group, String filterName) {
        Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
        if (filter != null) {
            grant(group, Resources.FILTER, filter.getId(), READ);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT)
                .singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
