package org.servicedesk.engine;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The index the job acquisition needs once every job has a due date ({@code ensure-job-due-date-not-null}
 * and {@code job-executor-acquire-by-due-date} in application.yml): the executor's query then asks for
 * the jobs due by now, oldest first, and PostgreSQL answers it from this index instead of reading
 * all of {@code ACT_RU_JOB}, where every open ticket keeps its SLA timers. Created after the engine
 * has created or updated its schema; jobs from before the setting get their creation time as due
 * date, or the acquisition would never see them.
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    private final DataSource dataSource;

    JobAcquisitionIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create index if not exists sd_idx_job_acquisition on act_ru_job (duedate_)");
        int dated = jdbc.update("update act_ru_job set duedate_ = coalesce(create_time_, current_timestamp)"
                + " where duedate_ is null");
        if (dated > 0) {
            log.info("{} jobs from before the due-date setting dated, so that the job executor takes them", dated);
        }
    }
}
