package org.servicedesk.performance;

import org.junit.jupiter.api.Test;

/**
 * The desk's benchmark at the sizes: {@code ./mvnw -Pbenchmark verify} or {@code .ci/benchmark}
 * (docs/performance.md). Prints one table and writes it to {@code target/benchmark/performance.md};
 * it asserts no figure: whether a goal was met is a column of the table.
 */
class PerformanceBenchmark {

    @Test
    void theDeskMeasuredAgainstItsDatabase() throws Exception {
        new DeskBenchmark(DeskBenchmark.Sizes.full()).run();
    }
}
