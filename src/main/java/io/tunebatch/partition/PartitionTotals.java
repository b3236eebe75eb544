package io.tunebatch.partition;

import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Adds the partitions' counters up into the manager step's context, over the latest execution of
 * each partition across restarts, so readers of the step (summaries, {@code jobs show}) see the
 * whole step's totals as they do for an unpartitioned step.
 */
final class PartitionTotals implements StepExecutionListener {

    private final JobRepository jobRepository;
    private final String workerStepName;
    private final String[] keys;

    PartitionTotals(JobRepository jobRepository, String workerStepName, String... keys) {
        this.jobRepository = jobRepository;
        this.workerStepName = workerStepName;
        this.keys = keys;
    }

    @Override
    public ExitStatus afterStep(StepExecution manager) {
        String prefix = workerStepName + ":";
        Map<String, StepExecution> latest = new HashMap<>();
        for (JobExecution execution : jobRepository.getJobExecutions(manager.getJobExecution().getJobInstance())) {
            for (StepExecution step : jobRepository.getJobExecution(execution.getId()).getStepExecutions()) {
                if (step.getStepName().startsWith(prefix)) {
                    latest.merge(step.getStepName(), step, (a, b) -> a.getId() > b.getId() ? a : b);
                }
            }
        }
        for (String key : keys) {
            manager.getExecutionContext().putLong(key,
                    latest.values().stream().mapToLong(s -> s.getExecutionContext().getLong(key, 0L)).sum());
        }
        return null;
    }
}
