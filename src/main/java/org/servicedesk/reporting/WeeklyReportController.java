package org.servicedesk.reporting;

import java.util.List;
import java.util.Map;

import org.servicedesk.system.ServiceDeskProperties;
import org.servicedesk.system.TimeSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reports/weekly?week=2026-W47}: JSON, or CSV with {@code Accept: text/csv}. */
@RestController
class WeeklyReportController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final WeeklyReport report;
    private final ServiceDeskProperties properties;
    private final TimeSource time;

    WeeklyReportController(WeeklyReport report, ServiceDeskProperties properties, TimeSource time) {
        this.report = report;
        this.properties = properties;
        this.time = time;
    }

    @GetMapping("/api/reports/weekly")
    ResponseEntity<?> weekly(@RequestParam(required = false) String week,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportWeek reportWeek = week == null
                ? ReportWeek.lastCompleted(time.now(), properties.zone())
                : ReportWeek.parse(week, properties.zone()).orElseThrow(() -> invalidWeek(week));
        WeeklyReport.Report result = report.of(reportWeek, properties.zone());
        if (wantsCsv(accept)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"service-report-" + result.week() + ".csv\"")
                    .body(result.toCsv());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
    }

    /** CSV when the client names text/csv; JSON otherwise (no Accept header, any type, application/json). */
    private static boolean wantsCsv(String accept) {
        return accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> "text".equals(type.getType()) && "csv".equals(type.getSubtype()));
    }

    private static ErrorResponseException invalidWeek(String week) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid week: expected an ISO week such as 2026-W47.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", "week", "message", "not an ISO week: " + week)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
