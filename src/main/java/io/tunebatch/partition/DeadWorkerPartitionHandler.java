package io.tunebatch.partition;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * When partitions have not all finished within the timeout, their workers are presumed dead: the
 * unfinished partitions are marked FAILED (a restart only accepts FAILED or STOPPED partitions, and
 * a worker that was merely slow can no longer report over them: its next update hits a newer
 * version) and the manager step fails with a message naming them, their workers and what to do.
 */
final class DeadWorkerPartitionHandler implements PartitionHandler {

    private final PartitionHandler delegate;
    private final String workerStepName;
    private final JobRepository jobRepository;
    private final Duration timeout;

    DeadWorkerPartitionHandler(PartitionHandler delegate, String workerStepName, JobRepository jobRepository, Duration timeout) {
        this.delegate = delegate;
        this.workerStepName = workerStepName;
        this.jobRepository = jobRepository;
        this.timeout = timeout;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStepExecution) throws Exception {
        try {
            return delegate.handle(splitter, managerStepExecution);
        } catch (TimeoutException e) {
            throw new PartitionTimeoutException(failUnfinished(managerStepExecution));
        }
    }

    private String failUnfinished(StepExecution manager) {
        String prefix = workerStepName + ":";
        List<StepExecution> partitions = jobRepository.getJobExecution(manager.getJobExecutionId()).getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(prefix))
                .sorted(Comparator.comparing(StepExecution::getStepName))
                .toList();
        List<StepExecution> unfinished = partitions.stream().filter(s -> s.getStatus().isRunning()).toList();
        StringBuilder names = new StringBuilder();
        for (StepExecution partition : unfinished) {
            String worker = partition.getExecutionContext().getString(WorkerIdentity.WORKER_KEY, null);
            String where = worker == null ? "taken by no worker" : "on worker " + worker + ", " + partition.getWriteCount() + " items written";
            names.append(names.isEmpty() ? "" : "; ").append(partition.getStepName()).append(" (").append(where).append(')');
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(ExitStatus.FAILED.addExitDescription("did not finish within " + timeout + " (" + where
                    + "); presumed dead"));
            partition.setEndTime(LocalDateTime.now());
            jobRepository.update(partition);
        }
        return manager.getStepName() + ": " + unfinished.size() + " of " + partitions.size() + " partitions did not finish within "
                + timeout + " (tunebatch.partitioning.timeout): " + names + ". Their workers are presumed dead; once workers"
                + " run again, restart with: tunebatch jobs restart " + manager.getJobExecutionId();
    }

    /** The manager step's failure when partitions ran out of time. */
    static final class PartitionTimeoutException extends RuntimeException {
        PartitionTimeoutException(String message) {
            super(message);
        }
    }
}
