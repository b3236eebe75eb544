package io.tunebatch.partition;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Records in a partition's step context which worker runs it, saved at once so that even a worker
 * killed before its first commit is named when its partition times out.
 */
final class WorkerIdentity implements StepExecutionListener {

    static final String WORKER_KEY = "partition.worker";

    private final String workerId;
    private final JobRepository jobRepository;

    WorkerIdentity(String workerId, JobRepository jobRepository) {
        this.workerId = workerId;
        this.jobRepository = jobRepository;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        stepExecution.getExecutionContext().putString(WORKER_KEY, workerId);
        jobRepository.updateExecutionContext(stepExecution);
    }
}
