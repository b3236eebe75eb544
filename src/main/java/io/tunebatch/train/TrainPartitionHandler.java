package io.tunebatch.train;

import java.util.Collection;
import java.util.Optional;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs the train step's partitions where the run was launched to run them (job parameter
 * {@value TrainJobConfiguration#PARTITIONS_PARAMETER}; runs without it are local): in child JVMs
 * of this process, or on worker processes through the remote partitioning shared with pii-scan.
 * The partitions are the same {@code train-candidate:<candidate>} step executions either way.
 */
final class TrainPartitionHandler implements PartitionHandler {

    static final String REMOTE = "remote";

    private final PartitionHandler local;
    private final Optional<PartitionHandler> remote;

    /** @param remote present when this process has the partition channel ({@code tunebatch.partitioning.mode=remote}) */
    TrainPartitionHandler(PartitionHandler local, Optional<PartitionHandler> remote) {
        this.local = local;
        this.remote = remote;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStepExecution) throws Exception {
        if (!REMOTE.equals(managerStepExecution.getJobParameters().getString(TrainJobConfiguration.PARTITIONS_PARAMETER))) {
            return local.handle(splitter, managerStepExecution);
        }
        return remote.orElseThrow(() -> new IllegalStateException("job execution " + managerStepExecution.getJobExecutionId()
                + " trains on remote workers, but this process cannot hand them partitions: run it with "
                + "tunebatch.partitioning.mode=remote (TUNEBATCH_PARTITIONING_MODE=remote)"))
                .handle(splitter, managerStepExecution);
    }
}
