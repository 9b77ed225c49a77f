package org.servicedesk.deployment;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 4xx problem+json of a lifecycle migration: versions that do not fit (400), tickets that cannot move (409). */
class MigrationRefused extends ErrorResponseException {

    private MigrationRefused(HttpStatus status, ProblemDetail problem) {
        super(status, problem, null);
    }

    static MigrationRefused invalid(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return new MigrationRefused(HttpStatus.BAD_REQUEST, problem);
    }

    /** The real run found tickets or instructions that do not map; the report is the dry run's. */
    static MigrationRefused notMigratable(MigrationReport report) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Not every ticket can move to version " + report.targetVersion()
                        + ", so nothing was migrated. The report lists what keeps them (notMigratable, planProblems).");
        problem.setTitle("Not migrated");
        problem.setProperty("report", report);
        return new MigrationRefused(HttpStatus.CONFLICT, problem);
    }
}
