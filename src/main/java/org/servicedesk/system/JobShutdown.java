package org.servicedesk.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A node that is stopped lets the jobs its job executor is running finish (up to 30 s) instead of
 * cutting them off mid-transaction: the engine's thread pool ({@code camundaTaskExecutor}, made by the
 * Camunda starter) waits for its tasks on shutdown. Jobs not yet started stay in the database for the
 * next node (their lock expires).
 */
@Component
class JobShutdown implements BeanPostProcessor {

    static final int AWAIT_SECONDS = 30;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if ("camundaTaskExecutor".equals(beanName) && bean instanceof ThreadPoolTaskExecutor pool) {
            pool.setWaitForTasksToCompleteOnShutdown(true);
            pool.setAwaitTerminationSeconds(AWAIT_SECONDS);
        }
        return bean;
    }
}
