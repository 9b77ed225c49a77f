package org.servicedesk.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The API reference: springdoc generates it from our controllers (their paths, parameters, bodies and
 * constraints; {@code springdoc.*} in application.yml) and serves it to staff at {@code /v3/api-docs}
 * (security/WebSecurity); docs/api/openapi.json is its committed copy (ApiReferenceTest). This adds
 * what the code does not say: how callers log in, the {@value #IDEMPOTENCY_KEY} header, the
 * problem+json refusals, success statuses other than 200, and what each endpoint does and for whom.
 */
@Configuration
class ApiReference {

    static final String API_KEY = "apiKey";
    static final String BASIC = "basic";
    static final String SESSION = "session";

    /** security/ApiKeyAuthentication.HEADER. */
    static final String API_KEY_HEADER = "X-Api-Key";

    /** ticket/IdempotentRequests.HEADER. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    static final String PROBLEM = "Problem";

    private static final String PROBLEM_JSON = "application/problem+json";

    /** Raised when the API changes in a way a client notices. */
    private static final String VERSION = "1.0";

    private static final String DESCRIPTION = """
            The service desk's own API: tickets for channel integrations and agents, the customer's answers \
            through their links, customers, knowledge, notifications, reports and administration. Generated \
            from the code; docs/operators.md ("API for channel integrations") explains the Idempotency-Key, \
            the errors, unmasked reads and erasure at more length.

            All requests and answers are JSON (the weekly report also CSV); fields without a value are left \
            out of answers. Texts may not contain control characters (multi-line texts may have line breaks), \
            and required texts may not be blank. Every refusal is `application/problem+json`, whatever the \
            client accepts, and a refused request writes nothing: no ticket, no process instance, and a \
            customer link stays unused.

            Every answer masks names, phones, e-mails and order numbers (and contact data in texts), except \
            the unmasked reads (`?unmasked=true`) of supervisors, each of which is written to the audit log.

            Log in as a channel integration with its API key (`X-Api-Key`), as a member of staff with HTTP \
            Basic, or with the session of the login page. Channel integrations may only create tickets; \
            the customer-link addresses (`/api/confirmations`, `/api/replies`, `/api/surveys`) need no \
            login, their token is the credential. The engine's REST API (`/engine-rest`) is Camunda's own \
            and not described here.""";

    private static final List<String> PUBLIC = List.of("/api/confirmations/", "/api/replies/", "/api/surveys/");

    private static final String DESK = "Agents (`tier1`, `tier2`, `tier3`, `supervisors`).";
    private static final String TICKET_READERS = "Agents, `managers` and `qa`.";
    private static final String DESK_AND_QA = "Agents and `qa`.";
    private static final String ADMIN = "`camunda-admin`.";
    private static final String ANYONE_WITH_THE_LINK = "Anyone with the link; no login.";

    private static final String TICKETS = "Tickets";
    private static final String CUSTOMER_LINKS = "Customer links";
    private static final String CUSTOMERS = "Customers";
    private static final String STAFF = "Staff";
    private static final String ADMINISTRATION = "Administration";

    private static final Map<String, String> TAGS = Map.of(
            TICKETS, "Creating tickets (channel integrations and agents), reading them, an agent's replies and "
                    + "the customer's answers an agent records.",
            CUSTOMER_LINKS, "The customer's answers through the links in their messages, for channels that show "
                    + "the link in their own app. The token in the link is the only credential; it does one "
                    + "thing, once. Answers say no more than the customer knows from the message.",
            CUSTOMERS, "Customers' records and histories, and their erasure.",
            STAFF, "Knowledge base, in-app notifications and reports.",
            ADMINISTRATION, "Channel API keys and the migration of running tickets.");

    /** What the code does not say about an endpoint: "METHOD path" → its prose. */
    private record Endpoint(String tag, String summary, String who, String description, int status,
            List<Integer> refusals) {
    }

    private static final Map<String, Endpoint> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put("POST /api/tickets", new Endpoint(TICKETS, "Create a ticket",
                "`tier1`, `supervisors` and the channel integrations (`channels`).", """
                The customer is matched by `customerId`, then `phone`, then `email`; if none matches, a new \
                `STANDARD` customer is created (in the external CRM too, when one is configured). `customerId` \
                is always the desk's customer id, also with an external CRM.

                The desk runs the customer lookup, routing and SLA policy right away, so the answer normally \
                carries the first-response and resolution due dates, counted in working time of the policy's \
                calendar (docs/sla.md). If the lookup could not run at once, the answer has status `NEW` and \
                no due dates; the job executor retries the lookup (3 times, a minute apart, then an incident). \
                Read the ticket later with `GET /api/tickets/{number}`.

                With an `Idempotency-Key`, sending the same request again (after a time-out, say) answers \
                `201` with the ticket the first one made instead of making another.""", 201, List.of()));
        ENDPOINTS.put("GET /api/tickets/{number}", new Endpoint(TICKETS, "Read a ticket", TICKET_READERS, """
                The ticket with its timeline, SLA clocks and survey result, masked (fields in \
                docs/managers.md). With `unmasked=true` (and an optional `reason`, written to the audit log) \
                supervisors get it unmasked; anyone else gets `403`.""", 200, List.of()));
        ENDPOINTS.put("POST /api/tickets/{number}/confirmation", new Endpoint(TICKETS,
                "Record the customer's answer to a solution", DESK, """
                When the customer answers by phone or in a store, an agent records it by ticket number, with \
                the body of `POST /api/confirmations/{token}`. The answer is the ticket as \
                `GET /api/tickets/{number}` shows it, and the customer's open link for it stops working. \
                Only a ticket in `PENDING_CONFIRMATION` can be confirmed; anything else is `409`. With an \
                `Idempotency-Key` the same request again answers `200` with the ticket and records nothing \
                a second time.""", 200, List.of(409)));
        ENDPOINTS.put("POST /api/tickets/{number}/customer-reply", new Endpoint(TICKETS,
                "Record the customer's answer to a question", DESK, """
                As `POST /api/replies/{token}`, recorded by an agent by ticket number. Only a ticket \
                `AWAITING_CUSTOMER` takes a reply; anything else is `409`. The answer is the ticket, and the \
                customer's open link for it stops working.""", 200, List.of(409)));
        ENDPOINTS.put("POST /api/tickets/{number}/replies", new Endpoint(TICKETS, "Reply to the customer", DESK, """
                `agent` is optional, the agent's user id, else the history says `agent`. The message goes to \
                the customer (`AGENT_REPLY`) and to the history; the first reply to a ticket stops its \
                first-response clock. The request does not change the ticket's status or tasks. A `CLOSED` \
                ticket answers `409`. With an `Idempotency-Key` the same request again answers `200` with the \
                ticket and does not send the reply a second time.""", 200, List.of(409)));
        ENDPOINTS.put("GET /api/tickets/{number}/notifications", new Endpoint(TICKETS,
                "What was sent about a ticket", TICKET_READERS, """
                Each notification of the ticket and to whom (masked), with its delivery state. Not the links \
                a message carried: their tokens are the customer's credentials.""", 200, List.of()));
        ENDPOINTS.put("POST /api/confirmations/{token}", new Endpoint(CUSTOMER_LINKS,
                "The customer's answer to a solution", ANYONE_WITH_THE_LINK, """
                The solution message (`SOLUTION_TO_CONFIRM`) carries the link `/customer/confirmations/{token}`; \
                a channel that shows the link in its own app posts the customer's answer here with the same \
                token. `accepted: true` closes the ticket, `false` reopens it at the tier that resolved it; \
                `comment` goes to the ticket history. The token is then used up (`410`).""", 200,
                List.of(409, 410)));
        ENDPOINTS.put("POST /api/replies/{token}", new Endpoint(CUSTOMER_LINKS,
                "The customer's answer to a question", ANYONE_WITH_THE_LINK, """
                The question message (`INFORMATION_REQUESTED`) carries the link `/customer/replies/{token}`; \
                this is its API. The text goes to the ticket history and the ticket goes back to the tier \
                that asked; the paused resolution clock runs again with a later due date. The token is then \
                used up (`410`).""", 200, List.of(409, 410)));
        ENDPOINTS.put("GET /api/surveys/{token}", new Endpoint(CUSTOMER_LINKS, "A survey's state",
                ANYONE_WITH_THE_LINK, "`status` is `SENT`, `ANSWERED` or `EXPIRED`.", 200, List.of()));
        ENDPOINTS.put("POST /api/surveys/{token}", new Endpoint(CUSTOMER_LINKS, "Answer a survey",
                ANYONE_WITH_THE_LINK, """
                Five scores from 1 (very dissatisfied) to 5 (very satisfied), all required, and an optional \
                comment. The token works once: a second answer is `409`, an expired survey `410`. If any \
                score is 2 or less, a supervisor gets a follow-up task.""", 200, List.of(409, 410)));
        ENDPOINTS.put("GET /api/customers/lookup", new Endpoint(CUSTOMERS, "Find a caller by phone or e-mail",
                DESK_AND_QA, """
                What the intake page shows about a caller: masked name, tier and their tickets; \
                `found: false` when nobody matches.""", 200, List.of()));
        ENDPOINTS.put("GET /api/customers/{id}", new Endpoint(CUSTOMERS, "Read a customer", DESK_AND_QA, """
                The customer's record, masked. With `unmasked=true` (and an optional `reason`, written to the \
                audit log) supervisors get it unmasked; anyone else gets `403`.""", 200, List.of()));
        ENDPOINTS.put("GET /api/customers/{id}/history", new Endpoint(CUSTOMERS, "A customer's tickets",
                DESK_AND_QA, """
                The customer's tickets, latest first (at most 50), as agents see them; no name, phone or \
                e-mail. `closeReason` and `surveyOverall` (1–5) are left out when there is none.""", 200,
                List.of()));
        ENDPOINTS.put("DELETE /api/customers/{id}", new Endpoint(CUSTOMERS, "Erase a customer", ADMIN, """
                Erases the customer, their tickets and everything about them, also in the engine's history, \
                and records that it happened (docs/security.md, "Erasure"). `404` for an unknown id.""", 204,
                List.of()));
        ENDPOINTS.put("GET /api/knowledge", new Endpoint(STAFF, "Search the knowledge base", DESK_AND_QA,
                "Ranked search, at most 20 articles; `status` filters by the article's state.", 200, List.of()));
        ENDPOINTS.put("GET /api/notifications/inbox", new Endpoint(STAFF, "My in-app notifications",
                "Staff (everyone but the channel integrations).",
                "The notifications addressed to the caller and to any of their groups, newest first.", 200,
                List.of()));
        ENDPOINTS.put("POST /api/notifications/{id}/read", new Endpoint(STAFF, "Mark a notification read",
                "Staff (everyone but the channel integrations).",
                "An empty `200`; `404` for a notification that is not addressed to the caller or their groups.",
                200, List.of()));
        ENDPOINTS.put("GET /api/reports/weekly", new Endpoint(STAFF, "The weekly service report",
                "`managers`, `supervisors` and `camunda-admin`.", """
                The report of an ISO week (`week=2026-W47`; the last completed week without it): JSON, or CSV \
                with `Accept: text/csv` or `format=csv` (docs/managers.md).""", 200, List.of()));
        ENDPOINTS.put("GET /api/admin/api-keys", new Endpoint(ADMINISTRATION, "List the channels' API keys", ADMIN,
                "Each key's prefix and state, never the key itself.", 200, List.of()));
        ENDPOINTS.put("POST /api/admin/api-keys", new Endpoint(ADMINISTRATION, "Issue an API key", ADMIN, """
                A key for a channel integration's user (a member of `channels`). The answer is the only time \
                the key is shown (docs/security.md).""", 201, List.of()));
        ENDPOINTS.put("POST /api/admin/api-keys/{id}/rotate", new Endpoint(ADMINISTRATION, "Rotate an API key",
                ADMIN, "A new key for the same user; the old one is revoked at once.", 201, List.of()));
        ENDPOINTS.put("DELETE /api/admin/api-keys/{id}", new Endpoint(ADMINISTRATION, "Revoke an API key", ADMIN,
                "The key stops working at once.", 204, List.of()));
        ENDPOINTS.put("POST /api/process-migrations/ticket-lifecycle", new Endpoint(ADMINISTRATION,
                "Move running tickets to a newer lifecycle version", "`analysts` and `camunda-admin`.", """
                A dry run (the default) only reports what would move and what would not \
                (docs/analysts.md, "Migrate running tickets").""", 200, List.of(409)));
    }

    /** What a field's constraints do not say: "Schema.field" → its description. */
    private static final Map<String, String> FIELDS = Map.of(
            "NewTicket.customerId", "The desk's customer id (positive), also with an external CRM. The customer is "
                    + "matched by it, then by `phone`, then by `email`; a new `STANDARD` customer is created "
                    + "when none matches.",
            "NewTicket.phone", "5 to 40 digits, spaces and `+ ( ) -`.",
            "Confirmation.accepted", "`true` closes the ticket, `false` reopens it at the tier that resolved it.",
            "Confirmation.comment", "Goes to the ticket history.",
            "Message.agent", "The agent's user id; without it the history says `agent`.",
            "Created.number", "`CG`, the date in the desk's time zone and the day's sequence number.");

    /** A request of {@code POST /api/tickets}, with obviously invented customer data. */
    private static final Map<String, Object> NEW_TICKET = example(
            "customerName", "Demo Customer", "phone", "+86 100 0000 0000", "email", "demo.customer@example.com",
            "channel", "PHONE", "category", "REPAIR", "priority", "P0", "subject", "Oven does not heat",
            "description", "Model O-7, bought 2026-02-01; no heat since today.", "product", "O-7",
            "orderNumber", "SO-20260201-0001");

    /** The refusals: status → name in components.responses, when, and an example. */
    private record Refusal(String name, String when, String title, String detail) {
    }

    private static final Map<Integer, Refusal> REFUSALS = new LinkedHashMap<>();

    static {
        REFUSALS.put(400, new Refusal("InvalidRequest", """
                A field is missing, too long or malformed, or a text has control characters (`Invalid request`, \
                `errors` names each field); a path or query parameter is malformed; an enum value is unknown or \
                a value has the wrong type (`Unreadable request`, with the allowed values); a field the request \
                does not have (`Unknown field …`); a body that is missing, not a JSON object, not JSON or not \
                UTF-8; characters the firewall refuses in the address (encoded `/`, `%`, `\\`, `;`); an \
                `Idempotency-Key` that is not 1 to 255 visible ASCII characters.""",
                "Invalid request", "Invalid subject."));
        REFUSALS.put(401, new Refusal("NotLoggedIn", "No login, a wrong password, or an unknown or revoked API key.",
                "Unauthorized", "Log in first: HTTP Basic with a service desk user."));
        REFUSALS.put(403, new Refusal("NotAllowed", """
                The caller's role may not do this; `?unmasked=true` from a role that may not read personal \
                data unmasked (`Unmasked data not allowed`).""", "Forbidden", "Your role may not do this."));
        REFUSALS.put(404, new Refusal("NotFound", """
                An unknown ticket, customer, survey, notification or API key; an unknown, malformed or \
                other-purpose customer link token (`Link not found`).""",
                "Ticket not found", "There is no ticket CG20990101999."));
        REFUSALS.put(409, new Refusal("Conflict", """
                The ticket is not in the state the request needs (`Ticket is CLOSED`, with `ticketNumber` and \
                `status`); a second survey answer (`Survey already answered`); a customer link whose request no \
                longer waits for that answer (`Not waiting for this answer`); two requests changed the same \
                ticket or survey at once (`Concurrent change`: reload and try again); a migration the plan \
                refuses.""", "Ticket is CLOSED",
                "Ticket CG20261123001 is CLOSED; a closed ticket takes no replies."));
        REFUSALS.put(410, new Refusal("Gone", "A customer link used already or expired; an expired survey.",
                "Link already used", "This link was used already."));
        REFUSALS.put(413, new Refusal("TooLarge", "A body larger than `servicedesk.max-request-size` (64 KB).",
                "Request too large", "The request body is larger than 65536 bytes."));
        REFUSALS.put(415, new Refusal("UnsupportedMediaType", "A body that is not `application/json` (UTF-8).",
                "Unsupported Media Type", "Content-Type 'text/plain' is not supported."));
        REFUSALS.put(422, new Refusal("IdempotencyKeyReused", """
                The caller used this `Idempotency-Key` for another request (another method, path or body) \
                within `servicedesk.idempotency.keep-keys-for`.""", "Idempotency-Key already used",
                "This Idempotency-Key was used for another request (another method, path or body)."));
    }

    @Bean
    OpenAPI serviceDeskApi() {
        Components components = new Components()
                .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name(API_KEY_HEADER)
                        .description("A channel integration's key, issued by an administrator "
                                + "(`POST /api/admin/api-keys`). An unknown or revoked key is `401` at once."))
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A member of staff: their user id and password in the desk."))
                .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                        .description("The session of the login page (`/login`), as the desk's own pages use it. "
                                + "A POST, PUT or DELETE with it also sends the value of the cookie `SD-XSRF-TOKEN` "
                                + "in the header `X-SD-XSRF-TOKEN`."))
                .addSchemas(PROBLEM, problem());
        REFUSALS.forEach((status, refusal) -> components.addResponses(refusal.name(), refusal(status, refusal)));
        return new OpenAPI()
                .info(new Info().title("Service Desk API").version(VERSION).description(DESCRIPTION))
                .servers(List.of(new Server().url("/").description("this desk")))
                .components(components)
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(SESSION)))
                .tags(TAGS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(tag -> new Tag().name(tag.getKey()).description(tag.getValue())).toList());
    }

    @Bean
    OpenApiCustomizer serviceDeskOperations() {
        return openApi -> {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(method + " " + path, path, operation)));
            FIELDS.forEach((field, description) -> {
                String[] name = field.split("\\.");
                Schema<?> schema = openApi.getComponents().getSchemas().get(name[0]);
                if (schema != null && schema.getProperties() != null && schema.getProperties().get(name[1]) != null) {
                    schema.getProperties().get(name[1]).setDescription(description);
                }
            });
        };
    }

    private static void describe(String key, String path, Operation operation) {
        Endpoint endpoint = ENDPOINTS.get(key);
        if (endpoint != null) {
            operation.setTags(List.of(endpoint.tag()));
            operation.setSummary(endpoint.summary());
            operation.setDescription("**Who:** " + endpoint.who() + "\n\n" + endpoint.description());
            if (endpoint.status() != 200) {
                successIs(endpoint.status(), operation, key);
            }
        }
        boolean open = PUBLIC.stream().anyMatch(path::startsWith);
        if (open) {
            operation.setSecurity(List.of());
        } else if (key.equals("POST /api/tickets")) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(API_KEY),
                    new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(SESSION)));
        }
        if (key.equals("POST /api/tickets") && operation.getRequestBody() != null) {
            operation.getRequestBody().getContent().values()
                    .forEach(body -> body.addExamples("repair", new Example().value(NEW_TICKET)));
        }
        if (key.equals("GET /api/tickets/{number}") || key.equals("GET /api/customers/{id}")) {
            unmaskable(operation);
        }
        List<Integer> refusals = new ArrayList<>(List.of(400));
        if (!open) {
            refusals.addAll(List.of(401, 403));
        }
        if (path.contains("{")) {
            refusals.add(404);
        }
        if (endpoint != null) {
            refusals.addAll(endpoint.refusals());
        }
        if (operation.getRequestBody() != null) {
            refusals.addAll(List.of(413, 415));
        }
        List<Parameter> keys = operation.getParameters() == null ? List.of() : operation.getParameters().stream()
                .filter(parameter -> IDEMPOTENCY_KEY.equals(parameter.getName())).toList();
        keys.forEach(ApiReference::idempotencyKey);
        if (!keys.isEmpty()) {
            refusals.add(422);
        }
        refusals.stream().distinct().sorted().forEach(status -> operation.getResponses().addApiResponse(String.valueOf(
                status), new ApiResponse().$ref("#/components/responses/" + REFUSALS.get(status).name())));
    }

    /** A success other than springdoc's 200: 201 with a Location, or 204 without a body. */
    private static void successIs(int status, Operation operation, String key) {
        ApiResponses responses = operation.getResponses();
        ApiResponse ok = responses.remove("200");
        if (ok == null) {
            return; // described already
        }
        if (status == 204) {
            responses.addApiResponse("204", new ApiResponse().description("No Content"));
            return;
        }
        String location = key.startsWith("POST /api/tickets") ? "/api/tickets/{number}" : "/api/admin/api-keys/{id}";
        ok.description("Created").addHeaderObject("Location",
                new Header().schema(new StringSchema()).description("`" + location + "`"));
        responses.addApiResponse(String.valueOf(status), ok);
    }

    /** The second mapping of the same address (UnmaskedTicketController, CustomerController's parameter). */
    private static void unmaskable(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new ArrayList<>(operation.getParameters());
        Parameter unmasked = parameters.stream().filter(parameter -> "unmasked".equals(parameter.getName()))
                .findFirst().orElseGet(() -> {
                    Parameter added = new Parameter().in("query").name("unmasked").required(false)
                            .schema(new Schema<Boolean>().type("boolean")._default(false));
                    parameters.add(added);
                    return added;
                });
        unmasked.description("`true`: names, phones, e-mails, order numbers and texts unmasked, for supervisors "
                + "only; each such read is written to the audit log (docs/security.md, \"Audit log\").");
        parameters.stream().filter(parameter -> "reason".equals(parameter.getName())).forEach(reason -> reason
                .description("With `unmasked=true`: why, for the audit log."));
        operation.setParameters(parameters);
    }

    private static void idempotencyKey(Parameter parameter) {
        parameter.description("""
                A key of the client's own choosing (a UUID is best) that names this request, sent again with \
                each retry of it. The same key with the same request (method, path and body) is answered as the \
                first was, and nothing happens twice; a retry that arrives while the first is still being saved \
                waits for it and gets the same answer. The same key with another request is `422`. A key belongs \
                to its caller and is kept for `servicedesk.idempotency.keep-keys-for` (a day by default), then \
                forgotten. It is saved in the transaction of the request's effect: a request that failed left \
                no key.""")
                .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]{1,255}$"))
                .example("6f1c9e2a-3b7d-4d44-9a51-0c2f8e7b1d90");
    }

    /** RFC 9457 problem details, as ApiExceptionHandler and the filters (through ProblemWriter) write them. */
    private static Schema<?> problem() {
        Schema<?> error = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field or parameter"))
                .addProperty("message", new StringSchema().description("what is wrong with it"));
        return new ObjectSchema()
                .description("`application/problem+json` (RFC 9457); some refusals add members, such as a "
                        + "ticket conflict's `ticketNumber` and `status`.")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().description("what kind of refusal"))
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("this refusal, for a person"))
                .addProperty("instance", new StringSchema().description("the path of the request"))
                .addProperty("errors", new ArraySchema().items(error)
                        .description("each invalid field (400), when the refusal names fields"));
    }

    private static Map<String, Object> example(String... fieldsAndValues) {
        Map<String, Object> example = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            example.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return example;
    }

    private static ApiResponse refusal(int status, Refusal refusal) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", refusal.title());
        example.put("status", status);
        example.put("detail", refusal.detail());
        if (status == 400) {
            example.put("errors", List.of(Map.of("field", "subject", "message", "must not be blank")));
        }
        return new ApiResponse().description(refusal.when()).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                        .addExamples(refusal.name(), new Example().value(example))));
    }
}
