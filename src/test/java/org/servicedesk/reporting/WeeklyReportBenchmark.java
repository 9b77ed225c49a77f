package org.servicedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The weekly report on a million tickets, on PostgreSQL: how long each indicator's query takes
 * for one week, and the plan PostgreSQL runs it with. Not part of {@code ./mvnw verify}; run it with
 *
 * <pre>
 * SERVICEDESK_BENCH_DB_URL=jdbc:postgresql://127.0.0.1:5432/sd_reports ./mvnw -Pbenchmark verify
 * </pre>
 *
 * (user and password: SERVICEDESK_BENCH_DB_USER, default postgres, and SERVICEDESK_BENCH_DB_PASSWORD).
 * Everything goes into the schema {@value #SCHEMA} of that database: our Flyway migrations, the
 * engine's history tables from its own create script, and the data of
 * {@code benchmark/weekly-report-data.sql} (filled once, about 8 minutes on 2 cores; later runs reuse it and
 * only apply new migrations, as an upgrade would; {@code -Dbenchmark.refill=true} fills it again). Give it a
 * database of its own, or one whose application tables exist already: the engine looks for its tables
 * in every schema of its database, and on an empty one it would take the benchmark's history tables
 * for its own and not create them. Options: {@code -Dbenchmark.tickets}
 * (1000000), {@code -Dbenchmark.weeks} (2026-W47,2025-W47: the last week of the data and one a year
 * earlier), {@code -Dbenchmark.runs} (7, after one warm-up run), {@code -Dbenchmark.limit-ms} (200:
 * the benchmark fails when an indicator's median is slower). The figures are printed and written to
 * target/benchmark/, the full plans too.
 *
 * <p>Each indicator is timed as the application runs it: {@link WeeklyReport} itself, on a
 * JdbcTemplate that times every statement and names it after the WeeklyReport method that ran it,
 * so indicators added to the report are timed without a change here.
 */
public class WeeklyReportBenchmark {

    static final String SCHEMA = "report_benchmark";

    /** Raise when the data script changes, so that an older fill is not reused. */
    static final int DATA_VERSION = 1;

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The data ends here, a Monday 00:00 in the desk's zone (the start of 2026-W48), and starts 104 weeks before. */
    static final String END = "2026-11-23 00:00:00+08";

    static final String START = "2024-11-25 00:00:00+08";

    static final List<String> TABLES = List.of("customer", "ticket", "ticket_event", "sla_clock", "survey",
            "act_hi_procinst", "act_hi_taskinst");

    int tickets = Integer.getInteger("benchmark.tickets", 1_000_000);
    int runs = Integer.getInteger("benchmark.runs", 7);
    final long limitMillis = Long.getLong("benchmark.limit-ms", 200);
    List<String> weeks = List.of(System.getProperty("benchmark.weeks", "2026-W47,2025-W47").split(","));
    final boolean refill = Boolean.getBoolean("benchmark.refill");

    String url = System.getenv("SERVICEDESK_BENCH_DB_URL");
    final String user = System.getenv().getOrDefault("SERVICEDESK_BENCH_DB_USER", "postgres");
    final String password = System.getenv().getOrDefault("SERVICEDESK_BENCH_DB_PASSWORD", "");

    /** The median time of the whole report (all indicators) of the last week measured, in milliseconds. */
    double totalMedianMillis = -1;

    /**
     * For the desk's benchmark ({@code org.servicedesk.performance}): the whole weekly report of the
     * data's last week on {@code tickets} closed tickets in the database at {@code url} (filled
     * first when it does not hold them), {@code runs} runs after a warm-up; the median in milliseconds.
     */
    public static double reportMedianMillis(String url, int tickets, int runs) throws Exception {
        WeeklyReportBenchmark benchmark = new WeeklyReportBenchmark();
        benchmark.url = url;
        benchmark.tickets = tickets;
        benchmark.runs = runs;
        benchmark.weeks = List.of("2026-W47");
        try (HikariDataSource dataSource = benchmark.dataSource()) {
            benchmark.prepare(dataSource);
            TimedJdbc jdbc = new TimedJdbc(dataSource);
            benchmark.measure(jdbc, new WeeklyReport(jdbc), ReportWeek.parse("2026-W47", ZONE).orElseThrow());
        }
        return benchmark.totalMedianMillis;
    }

    final StringBuilder out = new StringBuilder();
    final StringBuilder plans = new StringBuilder();

    @Test
    void everyIndicatorOfOneWeekOnAMillionTickets() throws Exception {
        Assumptions.assumeTrue(url != null && !url.isBlank(), "SERVICEDESK_BENCH_DB_URL, e.g."
                + " jdbc:postgresql://127.0.0.1:5432/sd_reports, is not set: the per-indicator report benchmark is skipped"
                + " (the desk's benchmark times the whole report)");
        List<String> slow = new ArrayList<>();
        try (HikariDataSource dataSource = dataSource()) {
            prepare(dataSource);
            TimedJdbc jdbc = new TimedJdbc(dataSource);
            WeeklyReport report = new WeeklyReport(jdbc);
            for (String label : weeks) {
                slow.addAll(measure(jdbc, report, ReportWeek.parse(label, ZONE).orElseThrow()));
            }
        }
        print("");
        Path target = Path.of("target", "benchmark");
        Files.createDirectories(target);
        Files.writeString(target.resolve("weekly-report.txt"), out);
        Files.writeString(target.resolve("weekly-report-plans.txt"), plans);
        System.out.println("Figures in target/benchmark/weekly-report.txt, plans in target/benchmark/weekly-report-plans.txt");
        assertThat(slow).as("indicators whose median is over %d ms", limitMillis).isEmpty();
    }

    private HikariDataSource dataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setSchema(SCHEMA);
        config.setMaximumPoolSize(1); // one connection, like one request of the report
        config.setPoolName("benchmark");
        return new HikariDataSource(config);
    }

    // ---- schema and data ----

    private void prepare(HikariDataSource dataSource) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            boolean filled = filled(statement);
            if (!filled || refill) {
                statement.execute("drop schema if exists " + SCHEMA + " cascade");
                statement.execute("create schema " + SCHEMA);
            }
            // our migrations, also those added since the fill (new indexes are built on the data, as on an upgrade)
            Flyway.configure().dataSource(url, user, password).schemas(SCHEMA).defaultSchema(SCHEMA)
                    .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
            if (!filled || refill) {
                fill(connection);
            } else {
                print("Reusing the data filled before in schema %s (-Dbenchmark.refill=true fills it again).", SCHEMA);
            }
            for (String table : TABLES) {
                statement.execute("analyze " + SCHEMA + "." + table);
            }
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            print("%s; %d tickets, %d ticket events, %d SLA clocks, %d surveys, %d process instances, %d task instances",
                    single(statement, "select version()"), count(statement, "ticket"), count(statement, "ticket_event"),
                    count(statement, "sla_clock"), count(statement, "survey"), count(statement, "act_hi_procinst"),
                    count(statement, "act_hi_taskinst"));
            print("machine: %d cores; PostgreSQL shared_buffers %s, work_mem %s, jit %s",
                    Runtime.getRuntime().availableProcessors(), single(statement, "show shared_buffers"),
                    single(statement, "show work_mem"), single(statement, "show jit"));
        }
    }

    private boolean filled(Statement statement) throws SQLException {
        if (single(statement, "select to_regclass('" + SCHEMA + ".benchmark_fill')") == null) {
            return false;
        }
        try (ResultSet rs = statement.executeQuery("select tickets, data_version from " + SCHEMA + ".benchmark_fill")) {
            return rs.next() && rs.getInt(1) == tickets && rs.getInt(2) == DATA_VERSION;
        }
    }

    private void fill(Connection connection) throws Exception {
        long started = System.nanoTime();
        print("Filling schema %s with %d tickets from %s to %s ...", SCHEMA, tickets, START, END);
        connection.setSchema(SCHEMA);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set work_mem = '256MB'"); // this session's bulk load only
            ScriptUtils.executeSqlScript(connection,
                    new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.postgres.create.history.sql"));
            String script = new String(new ClassPathResource("benchmark/weekly-report-data.sql").getContentAsByteArray(),
                    StandardCharsets.UTF_8)
                    .replace("${tickets}", Integer.toString(tickets))
                    .replace("${customers}", Integer.toString(Math.max(1, tickets / 5)))
                    .replace("${start}", START).replace("${end}", END);
            for (String sql : statements(script)) {
                long t = System.nanoTime();
                statement.execute(sql);
                print("  %6.1f s  %s", (System.nanoTime() - t) / 1e9, sql.lines().findFirst().orElse(""));
            }
            for (String table : TABLES) {
                statement.execute("vacuum (analyze) " + table); // as autovacuum would have, over time
            }
            statement.execute("create table benchmark_fill (tickets integer, data_version integer,"
                    + " filled_at timestamp with time zone, seconds integer)");
            statement.execute(String.format("insert into benchmark_fill values (%d, %d, now(), %d)", tickets,
                    DATA_VERSION, (System.nanoTime() - started) / 1_000_000_000L));
        }
        print("Filled in %.0f s.", (System.nanoTime() - started) / 1e9);
    }

    /** The statements of the data script: each ends with ";" at the end of a line; "--" lines are comments. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--") || line.isBlank()) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }

    // ---- measuring ----

    private List<String> measure(TimedJdbc jdbc, WeeklyReport report, ReportWeek week) throws Exception {
        report.of(week, ZONE); // warm-up: caches, plans
        jdbc.endRun();
        jdbc.timings.clear();
        jdbc.statements.clear();
        List<Long> totals = new ArrayList<>();
        WeeklyReport.Report result = null;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            result = report.of(week, ZONE);
            totals.add(System.nanoTime() - t);
            jdbc.endRun();
        }
        print("");
        print("Week %s (%s to %s), %d runs after a warm-up; milliseconds; %d report rows", week.label(), week.from(),
                week.to(), runs, result.indicators().size());
        print("%-20s %8s %8s %8s  %s", "query (method)", "min", "median", "max", "plan: top node; indexes; sequential scans");
        List<String> slow = new ArrayList<>();
        for (Map.Entry<String, List<Long>> timing : jdbc.timings.entrySet()) {
            String method = timing.getKey();
            long[] sorted = timing.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            String plan = explain(jdbc, week, method);
            print("%-20s %8.1f %8.1f %8.1f  %s", method, ms(sorted[0]), ms(median(sorted)), ms(sorted[sorted.length - 1]),
                    plan);
            if (ms(median(sorted)) > limitMillis) {
                slow.add(week.label() + " " + method);
            }
        }
        long[] sorted = totals.stream().mapToLong(Long::longValue).sorted().toArray();
        print("%-20s %8.1f %8.1f %8.1f", "total (the report)", ms(sorted[0]), ms(median(sorted)),
                ms(sorted[sorted.length - 1]));
        totalMedianMillis = ms(median(sorted));
        return slow;
    }

    /** EXPLAIN ANALYZE of each statement of the method, with the arguments it ran with; the summary of its plan. */
    private String explain(TimedJdbc jdbc, ReportWeek week, String method) throws SQLException {
        List<String> summaries = new ArrayList<>();
        for (TimedJdbc.Ran ran : jdbc.statements.values()) {
            if (!ran.method().equals(method)) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            try (Connection connection = jdbc.getDataSource().getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                            "explain (analyze, buffers) " + ran.sql())) {
                if (ran.arguments() != null) {
                    ran.arguments().setValues(statement);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
            }
            plans.append("== ").append(week.label()).append(' ').append(method).append('\n').append(ran.sql().strip())
                    .append("\n\n").append(String.join("\n", lines)).append("\n\n");
            summaries.add(summary(lines));
        }
        return String.join(" | ", summaries);
    }

    private static final Pattern INDEX = Pattern.compile("Index (?:Only )?Scan(?: Backward)? using (\\S+)|Bitmap Index Scan on (\\S+)");
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\S+)");

    static String summary(List<String> plan) {
        String top = plan.get(0).replaceAll("\\s+\\(cost=.*", "").strip();
        Set<String> indexes = new LinkedHashSet<>();
        Set<String> seqScans = new LinkedHashSet<>();
        String execution = "";
        String jit = "";
        for (String line : plan) {
            Matcher index = INDEX.matcher(line);
            while (index.find()) {
                indexes.add(index.group(1) != null ? index.group(1) : index.group(2));
            }
            Matcher seq = SEQ_SCAN.matcher(line);
            while (seq.find()) {
                seqScans.add(seq.group(1));
            }
            if (line.startsWith("Execution Time:")) {
                execution = line.substring("Execution Time:".length()).strip();
            }
            if (line.strip().startsWith("Timing:") && line.contains("Total")) {
                jit = "; JIT " + line.replaceAll(".*Total ", "").strip();
            }
        }
        return top + "; " + (indexes.isEmpty() ? "no index" : String.join(", ", indexes)) + "; "
                + (seqScans.isEmpty() ? "no seq scan" : "seq scan " + String.join(", ", seqScans)) + "; executed in "
                + execution + jit;
    }

    private static long median(long[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Statement statement, String table) throws SQLException {
        return Long.parseLong(single(statement, "select count(*) from " + table));
    }

    private void print(String format, Object... args) {
        String line = args.length == 0 ? format : String.format(format, args);
        System.out.println(line);
        out.append(line).append('\n');
    }

    /**
     * A JdbcTemplate that times each statement and files it under the WeeklyReport method that
     * ran it. Every query method of JdbcTemplate with arguments ends up in query(sql, setter, extractor).
     */
    static final class TimedJdbc extends JdbcTemplate {

        record Ran(String method, String sql, PreparedStatementSetter arguments) {
        }

        /** Per method: the time of its statements in each run. */
        final Map<String, List<Long>> timings = new LinkedHashMap<>();
        final Map<String, Ran> statements = new LinkedHashMap<>();
        private final Map<String, Long> thisRun = new LinkedHashMap<>();

        void endRun() {
            thisRun.forEach((method, nanos) -> timings.computeIfAbsent(method, m -> new ArrayList<>()).add(nanos));
            thisRun.clear();
        }

        TimedJdbc(javax.sql.DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public <T> T query(String sql, PreparedStatementSetter arguments, ResultSetExtractor<T> extractor) {
            String method = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                    .walk(frames -> frames.filter(f -> f.getDeclaringClass() == WeeklyReport.class)
                            .map(StackWalker.StackFrame::getMethodName).filter(name -> !name.startsWith("lambda$"))
                            .findFirst().orElse("?"));
            long started = System.nanoTime();
            try {
                return super.query(sql, arguments, extractor);
            } finally {
                long took = System.nanoTime() - started;
                thisRun.merge(method, took, Long::sum);
                statements.putIfAbsent(method + "\n" + sql, new Ran(method, sql, arguments));
            }
        }

        @Override
        public <T> T query(String sql, ResultSetExtractor<T> extractor) {
            return query(sql, (PreparedStatementSetter) null, extractor);
        }
    }
}
