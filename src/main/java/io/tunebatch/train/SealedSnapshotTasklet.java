package io.tunebatch.train;

import io.tunebatch.snapshot.DatasetSnapshot;
import io.tunebatch.snapshot.SnapshotRepository;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * In a job that prepares and then trains, hands the snapshot this job instance just sealed to the
 * train steps: its id and fingerprint go into the job's execution context, where they take the
 * place of the {@code snapshot} launch parameters (unknown at launch).
 */
final class SealedSnapshotTasklet implements Tasklet {

    private final SnapshotRepository snapshots;

    SealedSnapshotTasklet(SnapshotRepository snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        String id = DatasetSnapshot.idFor(job.getJobInstance().getInstanceId());
        DatasetSnapshot snapshot = snapshots.find(id).orElseThrow(() -> new IllegalStateException(
                "the prepare steps of this job sealed no snapshot " + id + "; nothing to train on"));
        job.getExecutionContext().putString(TrainingJobParameters.SNAPSHOT, snapshot.id());
        job.getExecutionContext().putString(TrainingJobParameters.SNAPSHOT_FINGERPRINT, snapshot.fingerprint());
        return RepeatStatus.FINISHED;
    }
}
