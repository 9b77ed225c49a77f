package org.servicedesk.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.servicedesk.LoggedIn;

/**
 * Channel integrations as they should behave when the desk fails under them: each intake is sent
 * until it is answered with a ticket number, every time under the same {@code Idempotency-Key}
 * (unless keys are off), 200 ms apart. Runs {@code intakes} intakes from {@code clients} threads and
 * calls the disruption once a third of them are answered.
 */
final class RetryingClients {

    interface Disruption {
        void run() throws Exception;
    }

    record Run(Map<Integer, String> acknowledged, long retries, double seconds, double disruptedAt,
            double disruptionSeconds) {
    }

    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");

    private RetryingClients() {
    }

    static Run run(String name, int port, int intakes, int clients, boolean keys, Duration bound,
            Disruption disruption) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong retries = new AtomicLong();
        Instant deadline = Instant.now().plus(bound);
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        long began = System.nanoTime();
        Future<double[]> disrupted = pool.submit(() -> {
            while (acknowledged.size() < intakes / 3 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            double at = (System.nanoTime() - began) / 1e9;
            long t0 = System.nanoTime();
            disruption.run();
            return new double[] { at, (System.nanoTime() - t0) / 1e9 };
        });
        List<Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            runs.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < intakes; i = next.getAndIncrement()) {
                    String body = """
                            {"customerName":"Reliability customer %d","phone":"1380%07d","channel":"WEB",
                             "category":"INQUIRY","priority":"P2","subject":"%s intake %d","description":"Where is it?"}
                            """.formatted(i, i, name, i);
                    while (Instant.now().isBefore(deadline)) {
                        HttpRequest.Builder request = LoggedIn.as(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/tickets")), "webchat")
                                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
                        if (keys) {
                            request.header("Idempotency-Key", name + "-" + i);
                        }
                        try {
                            HttpResponse<String> answer = http.send(request.POST(HttpRequest.BodyPublishers
                                    .ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            Matcher number = NUMBER.matcher(answer.body());
                            if (answer.statusCode() == 201 && number.find()) {
                                acknowledged.put(i, number.group(1));
                                break;
                            }
                        } catch (java.io.IOException e) {
                            // refused, cut off or timed out: send it again
                        }
                        retries.incrementAndGet();
                        Thread.sleep(200);
                    }
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        double[] disruption1 = disrupted.get();
        pool.shutdown();
        return new Run(acknowledged, retries.get(), seconds, disruption1[0], disruption1[1]);
    }
}
