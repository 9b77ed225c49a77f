package org.servicedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

/**
 * What our users start starts safe: the compose file refuses to run without its secrets (checked
 * with the real docker-compose client, which CI installs) and has no demo mode, the image does not
 * run as root, the embedded default has no demo and no keys, and only ./mvnw spring-boot:run is the
 * demonstration.
 */
class SafeStartFilesTest {

    private static final List<String> SECRETS = List.of("SERVICEDESK_DB_PASSWORD", "SERVICEDESK_ENCRYPTION_KEY",
            "SERVICEDESK_BLIND_INDEX_KEY");

    record Run(int exit, String output) {
    }

    private static Run compose(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config")
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SERVICEDESK_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static boolean composeInstalled() {
        try {
            return new ProcessBuilder("docker-compose", "version").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void theComposeFileDoesNotStartWithoutItsSecretsNorInDemoMode() throws Exception {
        assumeTrue(composeInstalled(), "docker-compose client (apt-get install docker-compose)");
        for (String missing : SECRETS) {
            Map<String, String> others = new java.util.HashMap<>();
            SECRETS.stream().filter(name -> !name.equals(missing)).forEach(name -> others.put(name, "x"));
            Run run = compose(others);
            assertThat(run.exit()).as("without " + missing).isNotZero();
            assertThat(run.output()).contains("set " + missing);
        }
        Run complete = compose(Map.of("SERVICEDESK_DB_PASSWORD", "Db-Secret-1!", "SERVICEDESK_ENCRYPTION_KEY", "k1",
                "SERVICEDESK_BLIND_INDEX_KEY", "k2"));
        assertThat(complete.exit()).as(complete.output()).isZero();
        assertThat(complete.output()).contains("SERVICEDESK_DEMO_MODE: \"false\"", "SPRING_PROFILES_ACTIVE: postgres")
                .doesNotContain("change-me", "SERVICEDESK_DEMO_USERS", "SERVICEDESK_DEMO_ENABLED");
    }

    @Test
    void theImageRunsAsAnAccountOfItsOwnWithoutDemoMode() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
        int lastStage = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                lastStage = i;
            }
        }
        List<String> runtime = lines.subList(lastStage, lines.size());
        assertThat(runtime).filteredOn(line -> line.startsWith("USER ")).singleElement()
                .satisfies(user -> assertThat(user.substring(5).strip()).doesNotStartWith("root").doesNotStartWith("0"));
        assertThat(runtime).contains("ENV SERVICEDESK_DEMO_MODE=false");
    }

    @Test
    void theEmbeddedDefaultHasNoDemoAndNoKeysOnlyTheDemoProfileHas() throws IOException {
        YamlPropertiesFactoryBean defaults = new YamlPropertiesFactoryBean();
        defaults.setResources(new FileSystemResource("src/main/resources/application.yml"));
        var properties = defaults.getObject();
        assertThat(properties.getProperty("servicedesk.demo-mode")).isEqualTo("${SERVICEDESK_DEMO_MODE:false}");
        assertThat(properties.getProperty("servicedesk.encryption.key")).isEqualTo("${SERVICEDESK_ENCRYPTION_KEY:}");
        assertThat(properties.getProperty("servicedesk.encryption.blind-index-key"))
                .isEqualTo("${SERVICEDESK_BLIND_INDEX_KEY:}");

        YamlPropertiesFactoryBean demo = new YamlPropertiesFactoryBean();
        demo.setResources(new FileSystemResource("src/main/resources/application-demo.yml"));
        assertThat(demo.getObject().getProperty("servicedesk.demo-mode")).isEqualTo("true");
        assertThat(Files.readString(Path.of("pom.xml")))
                .contains("<spring-boot.run.profiles>demo</spring-boot.run.profiles>");
    }
}
