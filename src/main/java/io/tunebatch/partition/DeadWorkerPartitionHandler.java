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
 * Fails partitions whose workers are presumed dead, and then the manager step with a message
 * naming them, their workers and what to do. A worker is presumed dead when its partition has
 * committed nothing for the heartbeat timeout ({@link SilentPartitionWatch}: the manager step
 * waits for the others, then fails), or when partitions have not all finished within the overall
 * timeout (also partitions no worker took). A presumed-dead partition is marked FAILED: a restart
 * only accepts FAILED or STOPPED partitions, and a worker that was merely slow can no longer
 * report over it: its next update hits a newer version.
 */
final class DeadWorkerPartitionHandler implements PartitionHandler {

    private final PartitionHandler delegate;
    private final String workerStepName;
    private final JobRepository jobRepository;
    private final PartitioningProperties properties;

    DeadWorkerPartitionHandler(PartitionHandler delegate, String workerStepName, JobRepository jobRepository,
                               PartitioningProperties properties) {
        this.delegate = delegate;
        this.workerStepName = workerStepName;
        this.jobRepository = jobRepository;
        this.properties = properties;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStepExecution) throws Exception {
        Collection<StepExecution> finished;
        SilentPartitionWatch watch = SilentPartitionWatch.start(this, managerStepExecution, properties);
        try {
            finished = delegate.handle(splitter, managerStepExecution);
        } catch (TimeoutException e) {
            watch.stop();
            throw new PartitionTimeoutException(failUnfinished(managerStepExecution));
        } finally {
            watch.stop();
        }
        if (!watch.silenced().isEmpty()) {
            throw new PartitionTimeoutException(managerStepExecution.getStepName() + ": " + watch.silenced().size() + " of "
                    + partitions(managerStepExecution).size() + " partitions stopped reporting for "
                    + properties.heartbeatTimeout() + " (tunebatch.partitioning.heartbeat-timeout): "
                    + String.join("; ", watch.silenced()) + restartAdvice(managerStepExecution));
        }
        return finished;
    }

    /** This manager's partitions as the job repository has them now, by name. */
    List<StepExecution> partitions(StepExecution manager) {
        String prefix = workerStepName + ":";
        return jobRepository.getJobExecution(manager.getJobExecutionId()).getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(prefix))
                .sorted(Comparator.comparing(StepExecution::getStepName))
                .toList();
    }

    /**
     * Marks a partition presumed dead FAILED, {@code why} its exit description; returns how the
     * manager's message names it.
     */
    String fail(StepExecution partition, String why) {
        String worker = partition.getExecutionContext().getString(WorkerIdentity.WORKER_KEY, null);
        String where = worker == null ? "taken by no worker" : "on worker " + worker + ", " + partition.getWriteCount() + " items written";
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(why + " (" + where + "); presumed dead"));
        partition.setEndTime(LocalDateTime.now());
        jobRepository.update(partition);
        return partition.getStepName() + " (" + where + ')';
    }

    private String failUnfinished(StepExecution manager) {
        List<StepExecution> partitions = partitions(manager);
        List<StepExecution> unfinished = partitions.stream().filter(s -> s.getStatus().isRunning()).toList();
        StringBuilder names = new StringBuilder();
        for (StepExecution partition : unfinished) {
            names.append(names.isEmpty() ? "" : "; ").append(fail(partition, "did not finish within " + properties.timeout()));
        }
        return manager.getStepName() + ": " + unfinished.size() + " of " + partitions.size() + " partitions did not finish within "
                + properties.timeout() + " (tunebatch.partitioning.timeout): " + names + restartAdvice(manager);
    }

    private static String restartAdvice(StepExecution manager) {
        return ". Their workers are presumed dead; once workers run again, restart with: tunebatch jobs restart "
                + manager.getJobExecutionId();
    }

    /** The manager step's failure when partitions ran out of time. */
    static final class PartitionTimeoutException extends RuntimeException {
        PartitionTimeoutException(String message) {
            super(message);
        }
    }
}
