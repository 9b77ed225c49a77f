package org.servicedesk.system;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Bad input answers 4xx problem+json that names the field; our API never answers 500 for it.
 * (Only for our controllers; the engine's REST API keeps its own error format.)
 */
@RestControllerAdvice(basePackages = "org.servicedesk")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid " + String.join(", ", errors.stream().map(e -> e.get("field")).distinct().sorted().toList())
                        + ".");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Unreadable request");
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            String allowed = mapping instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()
                            ? " Allowed: " + String.join(", ",
                                    java.util.Arrays.stream(format.getTargetType().getEnumConstants())
                                            .map(Object::toString).toList()) + "."
                            : "";
            problem.setDetail("Invalid value for " + field + "." + allowed);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "invalid value")));
        } else {
            problem.setDetail("The request body is not valid JSON.");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** Two requests changed the same ticket or survey at once; the later one is told to look again. */
    @ExceptionHandler({ OptimisticLockingException.class, OptimisticLockingFailureException.class })
    ProblemDetail concurrentChange() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed this at the same moment. Reload and try again.");
        problem.setTitle("Concurrent change");
        return problem;
    }
}
