package org.servicedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicedesk.LoggedIn;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The API reference is generated: {@code /v3/api-docs} of the running application, for staff only, is
 * what docs/api/openapi.json says. After a change of the API, regenerate the file with
 * {@value #REGENERATE} and commit it with the change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiReferenceTest {

    static final Path COMMITTED = Path.of("docs/api/openapi.json");

    static final String REGENERATE = "./mvnw -o -q test -Dtest=ApiReferenceTest -Dopenapi.write=true";

    /** Pretty-printed with every object's keys sorted, so that the file changes only where the API does. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @LocalServerPort int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutALoginTheReferenceAsksForOne() throws Exception {
        HttpResponse<String> response = apiDocs(HttpRequest.newBuilder(uri()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("/api/tickets");
    }

    @Test
    void aChannelIntegrationMayNotReadTheReference() throws Exception {
        HttpResponse<String> response = apiDocs(LoggedIn.as(HttpRequest.newBuilder(uri()), LoggedIn.CHANNEL));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("/api/tickets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "ben", "carol", "dave", "sam", "mia", "admin"})
    void staffReadTheReference(String user) throws Exception {
        HttpResponse<String> response = apiDocs(LoggedIn.as(HttpRequest.newBuilder(uri()), user));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(new ObjectMapper().readTree(response.body()).path("openapi").asText()).startsWith("3.");
    }

    @Test
    void theReferenceDescribesOnlyOurApi() throws Exception {
        JsonNode spec = spec();

        assertThat(spec.path("info").path("title").asText()).isNotBlank();
        List<String> paths = new ArrayList<>();
        spec.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/tickets", "/api/tickets/{number}", "/api/customers/{id}")
                .allSatisfy(path -> assertThat(path).startsWith("/api/"));
    }

    /** Each new endpoint gets its summary, description and tag (system/ApiReference), not springdoc's defaults. */
    @Test
    void everyOperationIsDescribed() throws Exception {
        List<String> undescribed = new ArrayList<>();
        spec().path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode described = operation.getValue();
            if (described.path("summary").asText().isBlank() || described.path("description").asText().isBlank()
                    || described.path("tags").path(0).asText().endsWith("-controller")) {
                undescribed.add(operation.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(undescribed).as("operations without summary, description or tag").isEmpty();
    }

    @Test
    void ticketIntakeTakesAnIdempotencyKeyAndTheChannelsApiKey() throws Exception {
        JsonNode spec = spec();
        JsonNode create = spec.path("paths").path("/api/tickets").path("post");

        assertThat(create.path("parameters")).anySatisfy(parameter -> {
            assertThat(parameter.path("in").asText()).isEqualTo("header");
            assertThat(parameter.path("name").asText()).isEqualTo("Idempotency-Key");
            assertThat(parameter.path("required").asBoolean()).isFalse();
            assertThat(parameter.path("description").asText()).isNotBlank();
        });
        List<String> schemes = new ArrayList<>();
        create.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
        assertThat(schemes).isNotEmpty().allSatisfy(scheme ->
                assertThat(spec.path("components").path("securitySchemes").has(scheme)).as(scheme).isTrue());
        JsonNode apiKey = schemes.stream().map(scheme -> spec.path("components").path("securitySchemes").path(scheme))
                .filter(scheme -> scheme.path("type").asText().equals("apiKey")
                        && scheme.path("in").asText().equals("header"))
                .findFirst().orElseThrow(() -> new AssertionError("POST /api/tickets takes no API key: " + schemes));
        assertThat(create.path("responses").path("201").path("headers").has("Location")).isTrue();
        String invalid = create.path("responses").path("400").path("$ref").asText();
        assertThat(invalid).startsWith("#/components/responses/");
        assertThat(spec.path("components").path("responses").path(invalid.substring(invalid.lastIndexOf('/') + 1))
                .path("content").has("application/problem+json")).as(invalid).isTrue();

        // the header the reference names logs the channel in: a known key, refused for its role (not 401)
        HttpResponse<String> response = apiDocs(HttpRequest.newBuilder(uri())
                .header(apiKey.path("name").asText(), LoggedIn.CHANNEL_KEY));
        assertThat(response.statusCode()).as("documented API-key header " + apiKey.path("name")).isEqualTo(403);
    }

    /**
     * docs/api/openapi.json is the reference as the application serves it; {@code -Dopenapi.write=true}
     * writes it instead of comparing.
     */
    @Test
    void theCommittedReferenceIsUpToDate() throws Exception {
        String served = canonical(spec());
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        if (!committed.equals(served)) {
            fail(COMMITTED + " is out of date; run " + REGENERATE + " to regenerate it (" + firstDifference(committed,
                    served) + ")");
        }
    }

    private JsonNode spec() throws Exception {
        HttpResponse<String> response = apiDocs(LoggedIn.as(HttpRequest.newBuilder(uri()), "admin"));
        assertThat(response.statusCode()).as("GET /v3/api-docs as admin").isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static String canonical(JsonNode spec) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer(printer).writeValueAsString(JSON.treeToValue(spec, Object.class)) + "\n";
    }

    private static String firstDifference(String committed, String served) {
        if (committed.isEmpty()) {
            return "there is no such file";
        }
        String[] before = committed.split("\n", -1);
        String[] now = served.split("\n", -1);
        for (int line = 0; line < Math.min(before.length, now.length); line++) {
            if (!before[line].equals(now[line])) {
                return "line " + (line + 1) + ": committed " + before[line].strip() + ", served " + now[line].strip();
            }
        }
        return "the served reference has " + now.length + " lines, the file " + before.length;
    }

    private URI uri() {
        return URI.create("http://localhost:" + port + "/v3/api-docs");
    }

    private HttpResponse<String> apiDocs(HttpRequest.Builder request) throws Exception {
        return http.send(request.GET().build(), BodyHandlers.ofString());
    }
}
