package org.servicedesk.crm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real external CRM for the tests: an HTTP/JSON server (JDK HttpServer) with its own field names
 * ({@code customerId}, {@code fullName}, {@code contact.mobile}, {@code contact.mail}, {@code level})
 * under {@code /v1/customers}, which wants the header {@code X-API-Key: test-key} or basic authentication. It can be stopped
 * and started again on the same port, answer 503, or answer too slowly.
 */
public final class FakeExternalCrm {

    public static final String API_KEY = "test-key";

    /** The alternative credentials: HTTP basic authentication as {@code desk}, password {@code s3cret}. */
    static final String BASIC = "Basic " + java.util.Base64.getEncoder().encodeToString("desk:s3cret".getBytes(StandardCharsets.UTF_8));

    public enum Mode { NORMAL, FAIL_503, SLOW }

    private final ObjectMapper json = new ObjectMapper();

    private final Map<String, ObjectNode> records = new ConcurrentHashMap<>();

    private final AtomicInteger nextId = new AtomicInteger(1000);

    /** "METHOD path?query" of every request answered. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public volatile Mode mode = Mode.NORMAL;

    /** How long a SLOW answer takes. */
    public volatile long slowMillis = 3000;

    private HttpServer server;

    private int port;

    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/v1/customers", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        port = server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        server = null;
    }

    void startIfStopped() throws IOException {
        if (server == null) {
            start();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    /** Adds a customer the external CRM already knows; returns its id there. */
    String add(String name, String mobile, String mail, String level, String industry) {
        String id = "EXT-" + nextId.incrementAndGet();
        ObjectNode record = json.createObjectNode().put("customerId", id).put("fullName", name).put("level", level)
                .put("industry", industry);
        record.putObject("contact").put("mobile", mobile).put("mail", mail);
        records.put(id, record);
        return id;
    }

    ObjectNode record(String id) {
        return records.get(id);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            if (mode == Mode.SLOW) {
                Thread.sleep(slowMillis);
            }
            if (mode == Mode.FAIL_503) {
                answer(exchange, 503, "{\"error\":\"maintenance\"}");
                return;
            }
            if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))
                    && !BASIC.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"error\":\"unauthorized\"}");
                return;
            }
            if (exchange.getRequestMethod().equals("POST") && path.equals("/v1/customers")) {
                ObjectNode record = (ObjectNode) json.readTree(exchange.getRequestBody());
                String id = "EXT-" + nextId.incrementAndGet();
                record.put("customerId", id);
                records.put(id, record);
                answer(exchange, 201, json.writeValueAsString(record));
            } else if (path.startsWith("/v1/customers/")) {
                ObjectNode record = records.get(path.substring("/v1/customers/".length()));
                answer(exchange, record == null ? 404 : 200, record == null ? "{}" : json.writeValueAsString(record));
            } else {
                String[] parameter = URLDecoder.decode(query, StandardCharsets.UTF_8).split("=", 2);
                String field = parameter[0].equals("phone") ? "mobile" : "mail";
                List<ObjectNode> found = records.values().stream()
                        .filter(r -> parameter[1].equals(r.path("contact").path(field).asText(null)))
                        .toList();
                answer(exchange, 200, json.writeValueAsString(found));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
