package io.tunebatch.prepare;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** Says on stderr when the prepare job starts and how it ended; per-step progress comes from {@link StepProgress}. */
@Component
class PrepareProgressListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PrepareProgressListener.class);

    @Override
    public void beforeJob(JobExecution execution) {
        log.info("prepare: job execution {} started (source {})", execution.getId(),
                execution.getJobParameters().getString("source"));
    }

    @Override
    public void afterJob(JobExecution execution) {
        Duration took = Duration.between(execution.getStartTime() == null ? Instant.now() : execution.getStartTime()
                .atZone(java.time.ZoneId.systemDefault()).toInstant(), Instant.now());
        log.info("prepare: job execution {} {} in {} s", execution.getId(), execution.getStatus(), took.toSeconds());
    }
}
