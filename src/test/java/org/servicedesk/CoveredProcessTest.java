package org.servicedesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Condition;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A Spring Boot process test on in-memory H2 with process-test-coverage: the class fails
 * unless its test methods together cover every flow node and sequence flow of the processes
 * they touch. Reports: {@code target/process-test-coverage/}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
@Import(CoveredProcessTest.FullCoverage.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface CoveredProcessTest {

    @TestConfiguration
    @Import(ProcessEngineCoverageConfiguration.class)
    class FullCoverage {

        /**
         * A class may leave out processes that another test class covers and that its own tests
         * only start ({@code servicedesk.test.coverage.excluded-process-keys}, comma-separated).
         */
        @Bean
        @Primary
        ProcessEngineCoverageProperties fullCoverage(
                @Value("${servicedesk.test.coverage.excluded-process-keys:}") List<String> excludedProcessKeys) {
            return new ProcessEngineCoverageProperties(true, true,
                    excludedProcessKeys.stream().filter(key -> !key.isBlank()).toList(),
                    List.of(new Condition<>(coverage -> coverage >= 1.0, "every flow node and sequence flow")),
                    Map.of(), List.of(), "target/process-test-coverage");
        }
    }
}
