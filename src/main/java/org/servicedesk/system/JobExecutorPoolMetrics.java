package org.servicedesk.system;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;

/**
 * {@code executor_*{name="jobExecutor"}}: the job executor's thread pool (active threads, queued jobs,
 * completed jobs), on a node that runs one ({@code camundaTaskExecutor}, made by the Camunda starter).
 */
@Component
class JobExecutorPoolMetrics implements MeterBinder {

    private final ObjectProvider<TaskExecutor> pool;

    JobExecutorPoolMetrics(@Qualifier("camundaTaskExecutor") ObjectProvider<TaskExecutor> pool) {
        this.pool = pool;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (pool.getIfAvailable() instanceof ThreadPoolTaskExecutor threads) {
            new ExecutorServiceMetrics(threads.getThreadPoolExecutor(), "jobExecutor", List.of()).bindTo(registry);
        }
    }
}
