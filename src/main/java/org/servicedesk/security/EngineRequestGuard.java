package org.servicedesk.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngineException;
import org.servicedesk.engine.FormValidationFailure;
import org.servicedesk.system.ProblemWriter;
import org.servicedesk.system.RequestSizeLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.servicedesk.system.RoutedPath;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the engine leaves open, closed in front of it, for every call to the engine API (both
 * prefixes, {@link EngineApi}) and to the Camunda web applications' APIs:
 * <ol>
 * <li>the caller's role must reach the endpoint ({@link EngineApiPolicy}), else 403;</li>
 * <li>no expression from a request is ever evaluated: a query parameter or JSON field named
 * {@code *Expression} (or a filter's {@code expressions}), or any value holding {@code ${} or
 * {@code #{}, is refused with 400. The engine's {@code enable-expressions-in-adhoc-queries=false}
 * guards the top-level query only, not its {@code orQueries} (a published CVE that Camunda 7 CE gets
 * no fix for). A filter may store the Tasklist helpers ({@code ${currentUser()}} ...), which the
 * engine evaluates when the stored filter runs;</li>
 * <li>a task completion may set only the fields of the task's form ({@link TaskFormFields}): a
 * {@code ticketId} or any other variable sent along is refused with 400, and a field its task
 * listener refuses (a required field left empty) is a 400 naming the field, not a 500.</li>
 * </ol>
 * Deployments are checked by the engine itself (DeploymentGuard) and pass here unread.
 */
class EngineRequestGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineRequestGuard.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern COMPLETION = Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)$");

    private static final Pattern FILTER_CHANGE = Pattern.compile("^/filter/(create|[^/]+)$");

    /** What Tasklist's filter editor offers: who is asking, and dates relative to now. Nothing else. */
    static final Pattern TASKLIST_HELPER = Pattern.compile("^\\$\\{\\s*(currentUser\\(\\)|currentUserGroups\\(\\)"
            + "|now\\(\\)|dateTime\\(\\)(\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes|Seconds)\\(\\s*\\d{1,6}\\s*\\))*"
            + "(\\.toDate\\(\\))?)\\s*}$");

    /** The web applications' own login form: a password may hold any characters. */
    private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/";

    private final TaskFormFields formFields;

    private final ApiRefusals refusals;

    private final ProblemWriter problems;

    EngineRequestGuard(TaskFormFields formFields, ApiRefusals refusals, ProblemWriter problems) {
        this.formFields = formFields;
        this.refusals = refusals;
        this.problems = problems;
    }

    /** Why a request is refused, naming the field; thrown while inspecting. */
    static final class Refused extends Exception {

        Refused(String detail) {
            super(detail, null, false, false);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return EngineApi.pathOf(request) == null && !RoutedPath.of(request).startsWith("/camunda/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String enginePath = EngineApi.pathOf(request);
        String method = request.getMethod();
        if (enginePath != null && !EngineApiPolicy.allows(method, enginePath, groupsOf(request))) {
            log.info("engine API refused by role: {} {}", method, enginePath);
            refusals.refuse(request, response, HttpStatus.FORBIDDEN, "forbidden", "engine-role",
                    Map.of("method", method, "path", enginePath));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestSizeLimit.BodyTooLarge tooLarge) {
            RequestSizeLimit.refuse(problems, request, response, tooLarge.limit);
            return;
        }
        try {
            checkQueryString(request.getQueryString());
            if (!isDeployment(enginePath) && !RoutedPath.of(request).startsWith(WEBAPP_LOGIN)) {
                checkBody(request, body, enginePath != null && FILTER_CHANGE.matcher(enginePath).matches()
                        && !method.equals("GET"));
            }
            if (enginePath != null && method.equals("POST")) {
                checkCompletion(enginePath, body);
            }
        } catch (Refused refused) {
            log.info("engine API request refused: {} {}: {}", method, RoutedPath.of(request), refused.getMessage());
            refusals.problem(request, response, HttpStatus.BAD_REQUEST, "bad-request", refused.getMessage());
            return;
        }
        HttpServletRequest checked = body.length == 0 ? request : new BufferedBody(request, body);
        if (enginePath == null || !COMPLETION.matcher(enginePath).matches()) {
            chain.doFilter(checked, response);
            return;
        }
        // a form field's refusal by a task listener reaches REST as a 500: answer 400 naming the field instead
        HeldAnswer answer = new HeldAnswer(response);
        FormValidationFailure.takeLast();
        try {
            chain.doFilter(checked, answer);
        } finally {
            ProcessEngineException refusal = FormValidationFailure.takeLast();
            if (refusal != null && answer.getStatus() >= 500) {
                answer.resetBuffer();
                refusals.problem(request, response, HttpStatus.BAD_REQUEST, "bad-request", refusal.getMessage());
            } else {
                answer.copyBodyToResponse();
            }
        }
    }

    /** Deployments are checked by the engine, where every way of deploying passes. */
    private static boolean isDeployment(String enginePath) {
        return enginePath != null && enginePath.equals("/deployment/create");
    }

    private static Set<String> groupsOf(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? Set.of() : Set.copyOf(CamundaIdentityAuthentication.groupIds(authentication));
    }

    static void checkQueryString(String query) throws Refused {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            checkName(name, false);
            checkValue(name, value);
        }
    }

    private static String decode(String part) throws Refused {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new Refused("The query string is not correctly encoded.");
        }
    }

    static void checkBody(HttpServletRequest request, byte[] body, boolean storedFilter) throws Refused {
        if (body.length == 0) {
            return;
        }
        String text = new String(body, BufferedBody.charset(request));
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase().contains("json")) {
            JsonNode json;
            try {
                json = JSON.readTree(text);
            } catch (JsonProcessingException notJson) {
                json = null; // the engine answers malformed JSON itself; the text is still checked below
            }
            if (json != null) {
                checkJson("", json, storedFilter);
                return;
            }
        }
        if (text.contains("${") || text.contains("#{")) {
            throw new Refused("Expressions (${...} or #{...}) are not accepted in requests to the engine.");
        }
    }

    static void checkJson(String where, JsonNode node, boolean storedFilter) throws Refused {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                String path = where.isEmpty() ? name : where + "." + name;
                boolean expressionField = checkName(name, storedFilter);
                if (expressionField) {
                    checkTasklistHelpers(path, field.getValue());
                } else {
                    checkValue(path, name);
                    checkJson(path, field.getValue(), storedFilter);
                }
            }
        } else if (node.isArray()) {
            int index = 0;
            for (JsonNode element : node) {
                checkJson(where + "[" + index++ + "]", element, storedFilter);
            }
        } else if (node.isTextual()) {
            checkValue(where, node.asText());
        }
    }

    /** True for an expression field a stored filter may have; refuses it anywhere else. */
    private static boolean checkName(String name, boolean storedFilter) throws Refused {
        String lower = name.toLowerCase();
        if (lower.endsWith("expression") || lower.equals("expressions")) {
            if (storedFilter) {
                return true;
            }
            throw new Refused("The field " + name + " takes an expression, and the engine API accepts no "
                    + "expressions from requests.");
        }
        return false;
    }

    private static void checkTasklistHelpers(String path, JsonNode value) throws Refused {
        if (value.isObject() || value.isArray()) {
            for (JsonNode element : value) {
                checkTasklistHelpers(path, element);
            }
            return;
        }
        if (!value.isTextual() || !TASKLIST_HELPER.matcher(value.asText().strip()).matches()) {
            throw new Refused("The filter field " + path + " may only use Tasklist's ${currentUser()}, "
                    + "${currentUserGroups()}, ${now()} or ${dateTime()...}.");
        }
    }

    private static void checkValue(String where, String value) throws Refused {
        if (value.contains("${") || value.contains("#{")) {
            throw new Refused("The field " + where + " holds an expression (${...} or #{...}); the engine API "
                    + "accepts no expressions from requests.");
        }
    }

    private void checkCompletion(String enginePath, byte[] body) throws Refused, IOException {
        Matcher completion = COMPLETION.matcher(enginePath);
        if (!completion.matches() || body.length == 0) {
            return;
        }
        JsonNode variables;
        try {
            variables = JSON.readTree(body).path("variables");
        } catch (JsonProcessingException notJson) {
            return; // the engine refuses it
        }
        if (!variables.isObject() || variables.isEmpty()) {
            return;
        }
        Set<String> fields = formFields.of(completion.group(1));
        if (fields == null) {
            return; // no such task: the engine answers 404
        }
        for (Iterator<String> names = variables.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new Refused("The variable " + name + " is not a field of this task's form; completing a "
                        + "task may set only its form's fields" + (fields.isEmpty() ? "" : " " + fields) + ".");
            }
        }
    }

    /** The engine's answer held back until it is known whether a field refusal replaces it. */
    private static final class HeldAnswer extends ContentCachingResponseWrapper {

        HeldAnswer(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void flushBuffer() {
            // held: nothing reaches the client before the answer is decided
        }

        @Override
        public void sendError(int status) {
            setStatus(status);
        }

        @Override
        public void sendError(int status, String message) {
            setStatus(status);
        }
    }
}
