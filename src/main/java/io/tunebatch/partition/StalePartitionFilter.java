package io.tunebatch.partition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.core.job.JobInterruptedException;

/**
 * Runs a partition only if it still waits for a worker. A request can outlive its partition: when
 * no worker took it before the manager's timeout, the manager marked the partition FAILED, and a
 * later {@code jobs restart} runs it as a new step execution. Running the old request then would
 * do the same work twice, so it is dropped.
 */
final class StalePartitionFilter implements StepLocator {

    private static final Logger log = LoggerFactory.getLogger(StalePartitionFilter.class);

    private final StepLocator steps;

    StalePartitionFilter(StepLocator steps) {
        this.steps = steps;
    }

    @Override
    public Step getStep(String stepName) {
        Step step = steps.getStep(stepName);
        return new Step() {
            @Override
            public String getName() {
                return step.getName();
            }

            @Override
            public void execute(StepExecution stepExecution) throws JobInterruptedException {
                if (stepExecution.getStatus() != BatchStatus.STARTING) {
                    log.warn("dropping the request for partition {} (step execution {}): it is already {}",
                            stepExecution.getStepName(), stepExecution.getId(), stepExecution.getStatus());
                    return;
                }
                step.execute(stepExecution);
            }
        };
    }
}
