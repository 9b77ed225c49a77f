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

/**
 * {@code GET /api/reports/weekly?week=2026-W47}: JSON, or CSV with {@code Accept: text/csv} or
 * {@code format=csv} (a plain link, as on the /reports page, cannot set the Accept header).
 */
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
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (format != null && !"csv".equals(format) && !"json".equals(format)) {
            throw invalid("format", "Invalid format: expected csv or json.", "not csv or json: " + format);
        }
        ReportWeek reportWeek = week == null
                ? ReportWeek.lastCompleted(time.now(), properties.zone())
                : ReportWeek.parse(week, properties.zone()).orElseThrow(() -> invalid("week",
                        "Invalid week: expected an ISO week such as 2026-W47.", "not an ISO week: " + week));
        WeeklyReport.Report result = report.of(reportWeek, properties.zone());
        if (format == null ? wantsCsv(accept) : "csv".equals(format)) {
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

    private static ErrorResponseException invalid(String field, String detail, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
