package org.servicedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.servicedesk.TicketScenario;
import org.servicedesk.crm.Customer;
import org.servicedesk.crm.CustomerRepository;
import org.servicedesk.crm.CustomerTier;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Channel;
import org.servicedesk.ticket.NewTicket;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SMS go to an HTTP gateway (a real HTTP server in the test): JSON per segment, credentials,
 * Chinese text in segments of at most 70 characters, a gateway error retried.
 */
@SpringBootTest
@ActiveProfiles("test")
class SmsNotificationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final List<Request> requests = new CopyOnWriteArrayList<>();

    /** How many of the next requests the gateway refuses with 503. */
    static final AtomicInteger refuseNext = new AtomicInteger();

    static final HttpServer gateway = startGateway();

    record Request(String authorization, String apiKey, JsonNode body) {
    }

    @Autowired TicketIntake intake;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired NotificationRepository outbox;
    @Autowired CustomerRepository customers;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("servicedesk.notification.sms.url",
                () -> "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");
        registry.add("servicedesk.notification.sms.username", () -> "desk");
        registry.add("servicedesk.notification.sms.password", () -> "s3cret");
        registry.add("servicedesk.notification.sms.api-key", () -> "key-123");
        registry.add("servicedesk.notification.sms.sender-id", () -> "ServiceDesk");
    }

    @AfterAll
    static void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void aLongChineseSolutionGoesOutInSegmentsOfAtMost70Characters() {
        String phone = "1390000" + (1000 + (int) (Math.random() * 8999));
        TicketScenario scenario = new TicketScenario(runtimeService, taskService, managementService);
        String number = ticketOf(customer(phone, "zh"), scenario);
        String solution = "请先关闭打印机电源，等待三十秒后打开前盖，取出卡住的纸张，检查进纸辊是否有磨损，如有磨损请更换新的进纸辊，然后重新装入纸张并打印测试页。";
        scenario.resolveAtTier1(number, solution);
        Notification row = outbox.findAll().stream()
                .filter(n -> n.getDedupeKey().startsWith(number + ":")
                        && n.getTemplate() == NotificationTemplate.SOLUTION_TO_CONFIRM)
                .findFirst().orElseThrow();
        assertThat(row.getChannel()).isEqualTo(NotificationChannel.SMS);

        // the gateway is down for the first attempt
        refuseNext.set(1000);
        dispatchUntilAttempted(row, 1);
        Notification failed = outbox.findById(row.getId()).orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(NotificationStatus.PENDING);
        assertThat(failed.getLastError()).contains("503").doesNotContain(phone);
        refuseNext.set(0);
        requests.clear();

        TicketScenario.advance(java.time.Duration.ofMinutes(1));
        dispatchUntilSent(row);

        List<Request> toCustomer = requests.stream().filter(r -> r.body().path("to").asText().equals(phone)).toList();
        List<String> texts = toCustomer.stream()
                .filter(r -> r.body().path("text").asText().startsWith("("))
                .map(r -> r.body().path("text").asText()).toList();
        assertThat(texts).hasSizeGreaterThan(1).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(70));
        String joined = String.join("", texts.stream().map(t -> t.substring(t.indexOf(") ") + 2)).toList());
        assertThat(joined).isEqualTo(row.getBody()).contains(solution).contains("?accepted=true");
        assertThat(texts.get(0)).startsWith("(1/" + texts.size() + ") ");
        Request first = toCustomer.get(0);
        assertThat(first.authorization())
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("desk:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(first.apiKey()).isEqualTo("key-123");
        assertThat(first.body().path("from").asText()).isEqualTo("ServiceDesk");

        Notification sent = outbox.findById(row.getId()).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(2);
        assertThat(sent.getMessageId()).startsWith("gw-");
    }

    @Test
    void segmentsRespectTheLimitsOfChineseAndAsciiText() {
        assertThat(SmsSegments.of("您的工单已关闭")).containsExactly("您的工单已关闭");
        String chinese = "字".repeat(200);
        List<String> zh = SmsSegments.of(chinese);
        assertThat(zh).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(70));
        assertThat(String.join("", zh.stream().map(s -> s.substring(s.indexOf(") ") + 2)).toList())).isEqualTo(chinese);
        assertThat(SmsSegments.of("a".repeat(160))).hasSize(1);
        List<String> ascii = SmsSegments.of("a".repeat(400));
        assertThat(ascii).hasSize(3).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(160));
    }

    private Customer customer(String phone, String language) {
        return customers.save(new Customer("Test Customer", phone, null, CustomerTier.STANDARD, "Retail", language,
                "SMS", TicketScenario.now()));
    }

    private String ticketOf(Customer customer, TicketScenario scenario) {
        String number = intake.create(new NewTicket(customer.getId(), "Test Customer", customer.getPhone(), null,
                Channel.PHONE, Category.INQUIRY, Priority.P2, "打印机无法打印", "每页都卡纸。", "P100", null)).getNumber();
        scenario.executeDueJobs();
        return number;
    }

    private void dispatchUntilAttempted(Notification notification, int attempts) {
        for (int batch = 0; batch < 20
                && outbox.findById(notification.getId()).orElseThrow().getAttempts() < attempts; batch++) {
            dispatcher.dispatchPending();
        }
    }

    private void dispatchUntilSent(Notification notification) {
        for (int batch = 0; batch < 20 && outbox.findById(notification.getId()).orElseThrow()
                .getStatus() != NotificationStatus.SENT; batch++) {
            dispatcher.dispatchPending();
        }
    }

    private static HttpServer startGateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AtomicInteger ids = new AtomicInteger();
            server.createContext("/sms", exchange -> handle(exchange, ids));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void handle(HttpExchange exchange, AtomicInteger ids) throws IOException {
        byte[] answer;
        int status;
        if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 503;
            answer = "{\"error\":\"busy\"}".getBytes(StandardCharsets.UTF_8);
        } else {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            requests.add(new Request(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Api-Key"), body));
            status = 200;
            answer = ("{\"id\":\"gw-" + ids.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }
}
