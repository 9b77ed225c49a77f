package org.servicedesk;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One application node as operators run it: the packaged jar ({@code target/service-desk-*.jar},
 * built by the package phase before the integration tests) in a JVM of its own, on PostgreSQL, with
 * its job executor and outbox dispatcher running. Tests start one or more on one database, stop them
 * as an orchestrator does (SIGTERM) or kill them (SIGKILL). Each node's output goes to
 * {@code target/nodes/<name>.log}.
 */
public final class Node implements AutoCloseable {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final String name;

    public final int port;

    public final Path log;

    private final Process process;

    private Node(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** A database of its own for the nodes of a test (dropped and created again), so no other test's jobs run there. */
    public static String freshDatabase(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        }
        return database;
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(POSTGRES + database, "postgres", "");
    }

    /**
     * Starts a node on the database and waits until it is ready (its readiness probe says UP).
     * {@code settings} are further application properties, e.g. the SMTP server.
     */
    public static Node start(String name, String database, Map<String, String> settings) throws IOException,
            InterruptedException {
        return start(name, database, freePort(), settings);
    }

    public static Node start(String name, String database, int port, Map<String, String> settings) throws IOException,
            InterruptedException {
        Node node = launch(name, database, port, settings);
        node.awaitReady(Duration.ofSeconds(180));
        return node;
    }

    public static Node launch(String name, String database, int port, Map<String, String> settings) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar().toString(),
                "--server.port=" + port,
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + POSTGRES + database,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--servicedesk.node-name=" + name,
                // the demo users and the web chat's API key (password "demo"), no demo tickets
                "--servicedesk.demo-mode=true",
                "--servicedesk.demo.enabled=false",
                "--servicedesk.demo.users=true",
                "--servicedesk.encryption.key-id=it1",
                "--servicedesk.encryption.key=Ogw3u4M72fTA2H/siBe0/yDfkKIDvSzalAIp0BpaQsk=",
                "--servicedesk.encryption.blind-index-key=agprSilvx5Y2PqWyDD186F7nnGe5bT7lWgna1gX7GBI=",
                "--logging.level.root=WARN",
                "--logging.level.org.servicedesk=INFO"));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Path.of("target", "nodes", name + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new Node(name, port, log, process);
    }

    static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("service-desk-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/service-desk-*.jar: run ./mvnw verify"));
        }
    }

    /** An SMTP server (GreenMail) on a free loopback port, started. */
    public static GreenMail smtpServer() throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** The settings that send a node's e-mail to this SMTP server, its outbox polling every {@code poll}. */
    public static Map<String, String> mailTo(GreenMail smtp, String poll) {
        Map<String, String> settings = new HashMap<>();
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
        settings.put("servicedesk.notification.mail.from", "desk@servicedesk.test");
        settings.put("servicedesk.outbox.poll-interval", poll);
        settings.put("logging.level.com.icegreen", "WARN");
        return settings;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public boolean ready() {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void awaitReady(Duration bound) throws InterruptedException, IOException {
        Instant giveUp = Instant.now().plus(bound);
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended before it was ready (exit " + process.exitValue()
                        + "):\n" + tail());
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException(name + " not ready after " + bound + ":\n" + tail());
            }
            Thread.sleep(250);
        }
    }

    /** The node's process id, e.g. for {@code jcmd}. */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: the node ends at once, in the middle of whatever it does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as an orchestrator stops a node; waits for the JVM to end and returns its exit code. */
    public int stop(Duration bound) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            throw new IllegalStateException(name + " did not end within " + bound + " of SIGTERM");
        }
        return process.exitValue();
    }

    /** The last lines of the node's output, for a failure message. */
    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
