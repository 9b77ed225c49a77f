package org.servicedesk.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.servicedesk.engine.FormValidationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of our API is problem+json ({@code application/problem+json}, whatever the client
 * accepts). Bad input answers 4xx that names the field; our API never answers 500 for it. What is
 * left, a fault of ours, is 500 with a message that tells nothing about the inside (the log has it).
 * This covers requests that reach no controller too (unknown address 404, wrong method 405, wrong
 * content type 415); the customer pages answer their own errors as pages. (The engine's REST API
 * and the Camunda applications are not Spring MVC and keep their own error format.)
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemWriter problems;

    ApiExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    /** A body that broke its constraints: each field and what is wrong with it. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(e -> errors.add(error(e.getField(), e)));
        ex.getBindingResult().getGlobalErrors().forEach(e -> errors.add(error(e.getObjectName(), e)));
        return invalid(errors, request);
    }

    /** Path and query parameters (and bodies, when a method has both) that broke their constraints. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bean) {
                bean.getFieldErrors().forEach(e -> errors.add(error(e.getField(), e)));
                bean.getGlobalErrors().forEach(e -> errors.add(error(e.getObjectName(), e)));
            } else {
                String name = parameterName(result);
                result.getResolvableErrors().forEach(e -> errors.add(error(name, e)));
            }
        }
        return invalid(errors, request);
    }

    /** A path or query parameter of the wrong type: a word for a number, an unknown enum value. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        Class<?> type = ex.getRequiredType();
        ProblemDetail problem = invalidValue(request, name, type);
        problem.setProperty("errors", List.of(Map.of("field", name, "message", expected(type))));
        return problem(problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(request, HttpStatus.BAD_REQUEST, "invalid-request", "required",
                Map.of("field", ex.getParameterName()));
        problem.setProperty("errors", List.of(Map.of("field", ex.getParameterName(), "message", "required")));
        return problem(problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestSizeLimit.BodyTooLarge tooLarge = cause(ex, RequestSizeLimit.BodyTooLarge.class);
        if (tooLarge != null) {
            return problem(problem(request, HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large", "body-too-large",
                    Map.of("limit", String.valueOf(tooLarge.limit))), request);
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(problems.title(DeskTexts.languageOf(request), "unreadable-request"));
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            if (mapping instanceof UnrecognizedPropertyException) {
                problem.setDetail(detail(request, "unknown-field", Map.of("field", field)));
                problem.setProperty("errors", List.of(Map.of("field", field, "message", "unknown field")));
            } else {
                Class<?> type = mapping instanceof MismatchedInputException input ? input.getTargetType() : null;
                if (mapping instanceof InvalidFormatException format && format.getTargetType() != null) {
                    type = format.getTargetType();
                }
                problem.setDetail(invalidValue(request, field, type).getDetail());
                problem.setProperty("errors", List.of(Map.of("field", field, "message", expected(type))));
            }
        } else if (ex.getCause() instanceof MismatchedInputException) {
            problem.setDetail(detail(request, "body-not-object", Map.of()));
        } else if (ex.getCause() == null && String.valueOf(ex.getMessage()).startsWith("Required request body")) {
            problem.setDetail(detail(request, "body-missing", Map.of()));
        } else if (ex.getCause() == null && String.valueOf(ex.getMessage()).startsWith("The request body is")) {
            problem.setDetail(ex.getMessage()); // Utf8RequestBodies

        } else {
            problem.setDetail(detail(request, "body-not-json", Map.of()));
        }
        return problem(problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(problem(request, HttpStatus.NOT_FOUND, "not-found", "nothing-here", Map.of()), request);
    }

    /** Every problem answer is problem+json, also for a client that asked for something else. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        if (headers != null) {
            problemHeaders.addAll(headers);
        }
        if (body instanceof ProblemDetail) {
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    /** The firewall refused a parameter name only when the controller read the parameters. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e, WebRequest request) {
        return problem(problem(request, HttpStatus.BAD_REQUEST, "invalid-request", "characters-not-allowed",
                Map.of()), request);
    }

    /** A header a controller reads itself (the report's Accept) that is no media type. */
    @ExceptionHandler(InvalidMediaTypeException.class)
    ResponseEntity<Object> invalidMediaType(WebRequest request) {
        return problem(problem(request, HttpStatus.BAD_REQUEST, "invalid-request", "media-type-malformed",
                Map.of()), request);
    }

    /** Two requests changed the same ticket or survey at once; the later one is told to look again. */
    @ExceptionHandler({ OptimisticLockingException.class, OptimisticLockingFailureException.class })
    ResponseEntity<Object> concurrentChange(WebRequest request) {
        return problem(problem(request, HttpStatus.CONFLICT, "concurrent-change", "changed-meanwhile", Map.of()),
                request);
    }

    /** A row that clashes with one written at the same moment (a unique key). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> conflictingData(DataIntegrityViolationException e, WebRequest request) {
        log.warn("request refused by a database constraint: {}", e.getMostSpecificCause().getClass().getName());
        return problem(problem(request, HttpStatus.CONFLICT, "concurrent-change", "clashes", Map.of()), request);
    }

    /**
     * The engine refused what a request asked of a process: bad input is 400, a process that is not
     * waiting for it 409; anything else is our fault. The engine's message stays in the log.
     */
    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<Object> engineRefused(ProcessEngineException e, WebRequest request) {
        if (e instanceof BadUserRequestException || FormValidationFailure.isFormValidation(e)) {
            log.info("engine refused a request: {}", e.getMessage());
            return problem(problem(request, HttpStatus.BAD_REQUEST, "invalid-request", "cannot-process", Map.of()),
                    request);
        }
        if (e instanceof MismatchingMessageCorrelationException) {
            log.info("no process waits for this request: {}", e.getMessage());
            return problem(problem(request, HttpStatus.CONFLICT, "not-waiting", "not-waiting", Map.of()), request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("request failed: {}", request.getDescription(false), e);
        return problem(problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "internal-error",
                Map.of()), request);
    }

    private ResponseEntity<Object> invalid(List<Map<String, String>> errors, WebRequest request) {
        ProblemDetail problem = problem(request, HttpStatus.BAD_REQUEST, "invalid-request", "invalid-fields",
                Map.of("fields", String.join(", ", errors.stream().map(e -> e.get("field")).distinct().sorted()
                        .toList())));
        problem.setProperty("errors", errors);
        return problem(problem, request);
    }

    private ResponseEntity<Object> problem(ProblemDetail problem, WebRequest request) {
        return createResponseEntity(problem, null, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    /** Title and detail of these names in the request's language. */
    private ProblemDetail problem(WebRequest request, HttpStatus status, String title, String detail,
            Map<String, String> values) {
        return problems.problem(DeskTexts.languageOf(request), status, title, detail, values);
    }

    private String detail(WebRequest request, String detail, Map<String, String> values) {
        return problem(request, HttpStatus.BAD_REQUEST, "invalid-request", detail, values).getDetail();
    }

    /** A value of the wrong type; for an enum the detail lists the allowed values. */
    private ProblemDetail invalidValue(WebRequest request, String field, Class<?> type) {
        return type != null && type.isEnum()
                ? problem(request, HttpStatus.BAD_REQUEST, "invalid-request", "invalid-choice", Map.of("field", field,
                        "allowed", String.join(", ", Arrays.stream(type.getEnumConstants()).map(Object::toString)
                                .toList())))
                : problem(request, HttpStatus.BAD_REQUEST, "invalid-request", "invalid-value", Map.of("field", field));
    }

    private static Map<String, String> error(String field, MessageSourceResolvable error) {
        return Map.of("field", field, "message", String.valueOf(error.getDefaultMessage()));
    }

    private static String parameterName(ParameterValidationResult result) {
        PathVariable path = result.getMethodParameter().getParameterAnnotation(PathVariable.class);
        if (path != null && !path.value().isEmpty()) {
            return path.value();
        }
        RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
        if (param != null && !param.value().isEmpty()) {
            return param.value();
        }
        String name = result.getMethodParameter().getParameterName();
        return name != null ? name : "parameter";
    }

    /** What the field takes, for the errors list. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "invalid value";
        }
        if (type.isEnum()) {
            return "must be one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .toList());
        }
        if (type == String.class) {
            return "must be a text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a whole number";
        }
        return "invalid value";
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
