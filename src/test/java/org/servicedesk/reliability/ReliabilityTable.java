package org.servicedesk.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The table the suite prints at its end ({@code .ci/reliability}): each scenario adds its row to
 * {@code target/reliability.md} (a Markdown table, as in docs/operators.md).
 */
final class ReliabilityTable {

    static final Path FILE = Path.of("target", "reliability.md");

    private ReliabilityTable() {
    }

    static synchronized void row(String scenario, String load, String disruption, String measured, boolean passed) {
        try {
            if (!Files.exists(FILE)) {
                Files.createDirectories(FILE.getParent());
                Files.writeString(FILE, "| | Load | Disruption | Measured | |\n|---|---|---|---|---|\n",
                        StandardCharsets.UTF_8);
            }
            Files.writeString(FILE, "| %s | %s | %s | %s | %s |%n".formatted(scenario, load, disruption, measured,
                    passed ? "passed" : "FAILED"), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
