package org.servicedesk.engine;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.TimerStartEventJobHandler;

/** The engine's jobs and job executor, where the public API has no word for them. */
public final class EngineJobs {

    /** Job type of a timer start event's job definition ({@code JobDefinitionQuery.jobType}). */
    public static final String TIMER_START_EVENT = TimerStartEventJobHandler.TYPE;

    private EngineJobs() {
    }

    /** Whether this node's job executor runs (acquires and executes jobs). */
    public static boolean isJobExecutorActive(ProcessEngineConfiguration configuration) {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) configuration).getJobExecutor();
        return executor != null && executor.isActive();
    }
}
