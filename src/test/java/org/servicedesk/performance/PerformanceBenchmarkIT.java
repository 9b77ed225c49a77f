package org.servicedesk.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's short version in the suite, so that its harness cannot rot: every scenario runs
 * at a few seconds' size and must produce its figures. No timing is asserted.
 */
class PerformanceBenchmarkIT {

    @Test
    void everyScenarioRunsAndProducesFigures() throws Exception {
        DeskBenchmark.Sizes sizes = DeskBenchmark.Sizes.smoke();
        DeskBenchmark benchmark = new DeskBenchmark(sizes);
        String table = benchmark.run();

        Map<String, Map<String, Double>> values = benchmark.values;
        assertThat(values).containsOnlyKeys("1 ceiling", "2 intake", "3 lifecycle", "4 SLA timers", "5 tier-1 queue",
                "6 weekly report", "7 heap");
        assertThat(values.get("1 ceiling")).allSatisfy((name, value) -> assertThat(value).as(name).isPositive());
        assertThat(values.get("2 intake").get("tickets/s")).isPositive();
        assertThat(values.get("2 intake").get("errors")).isZero();
        assertThat(values.get("2 intake").get("commits/ticket")).isPositive();
        assertThat(values.get("3 lifecycle").get("lifecycles/s")).isPositive();
        assertThat(values.get("3 lifecycle").get("task completion p99 ms")).isPositive();
        assertThat(values.get("4 SLA timers").get("timers fired")).isEqualTo(sizes.timersAtOnce());
        assertThat(values.get("4 SLA timers").get("fired twice")).isZero();
        assertThat(values.get("4 SLA timers")).containsKey("isolated p99 s");
        assertThat(values.get("5 tier-1 queue").get("open tasks")).isGreaterThanOrEqualTo(sizes.openTasks());
        assertThat(values.get("5 tier-1 queue").get("page p95 ms")).isPositive();
        assertThat(values.get("6 weekly report").get("report ms")).isPositive();
        assertThat(values.get("7 heap").get("heap MB after full GC")).isPositive();
        assertThat(values.get("7 heap").get("open tickets")).isGreaterThanOrEqualTo(sizes.openTasks());
        assertThat(table).contains("| Scenario | Measured | Goal | Met |");
    }
}
