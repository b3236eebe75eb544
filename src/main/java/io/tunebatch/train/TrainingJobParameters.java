package io.tunebatch.train;

import java.nio.file.Path;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The train job's parameters, read back in its steps. The snapshot comes from the job's execution
 * context when an earlier step of the same job put it there ({@link SealedSnapshotTasklet}: a job
 * definition that prepares and then trains), otherwise from the launch parameters.
 */
record TrainingJobParameters(String snapshotId, String snapshotFingerprint, String baseModel, String configFile) {

    static final String SNAPSHOT = "snapshot";
    static final String SNAPSHOT_FINGERPRINT = "snapshotFingerprint";

    static TrainingJobParameters of(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        var parameters = execution.getJobParameters();
        boolean fromContext = context.containsKey(SNAPSHOT);
        return new TrainingJobParameters(
                fromContext ? context.getString(SNAPSHOT) : parameters.getString(SNAPSHOT),
                fromContext ? context.getString(SNAPSHOT_FINGERPRINT) : parameters.getString(SNAPSHOT_FINGERPRINT),
                parameters.getString("baseModel"), parameters.getString("config"));
    }

    TrainingConfig config() {
        return TrainingConfigLoader.load(Path.of(configFile));
    }
}
