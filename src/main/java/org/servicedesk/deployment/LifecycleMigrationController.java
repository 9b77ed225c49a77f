package org.servicedesk.deployment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/process-migrations/ticket-lifecycle}, analysts and administrators only
 * (WebSecurity): moves running tickets from older versions of the ticket lifecycle to a newer one.
 * A dry run (the default) only reports what would move and what would not; see docs/analysts.md,
 * "Migrate running tickets".
 */
@RestController
@RequestMapping("/api/process-migrations")
class LifecycleMigrationController {

    /**
     * Every field is optional: all older versions, to the latest, as a dry run. An empty body means
     * the same.
     */
    record MigrationRequest(@Positive Integer sourceVersion, @Positive Integer targetVersion, Boolean dryRun) {
    }

    private final LifecycleMigration migration;

    LifecycleMigrationController(LifecycleMigration migration) {
        this.migration = migration;
    }

    @PostMapping("/ticket-lifecycle")
    MigrationReport migrate(@Valid @RequestBody(required = false) MigrationRequest request, Authentication caller) {
        MigrationRequest asked = request != null ? request : new MigrationRequest(null, null, null);
        return migration.run(asked.sourceVersion(), asked.targetVersion(), !Boolean.FALSE.equals(asked.dryRun()),
                caller.getName());
    }
}
