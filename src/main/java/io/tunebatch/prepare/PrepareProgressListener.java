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
        String source = execution.getJobParameters().getString("source");
        log.info("{}: job execution {} started ({})", execution.getJobInstance().getJobName(), execution.getId(),
                source != null ? "source " + source : "definition " + execution.getJobParameters().getString("definition"));
    }

    @Override
    public void afterJob(JobExecution execution) {
        Duration took = Duration.between(execution.getStartTime() == null ? Instant.now() : execution.getStartTime()
                .atZone(java.time.ZoneId.systemDefault()).toInstant(), Instant.now());
        log.info("{}: job execution {} {} in {} s", execution.getJobInstance().getJobName(), execution.getId(),
                execution.getStatus(), took.toSeconds());
    }
}
