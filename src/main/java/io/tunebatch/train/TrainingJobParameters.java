package io.tunebatch.train;

import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParameters;

/** The train job's parameters, read back in its steps. */
record TrainingJobParameters(String snapshotId, String snapshotFingerprint, String baseModel, String configFile) {

    static TrainingJobParameters of(JobParameters parameters) {
        return new TrainingJobParameters(parameters.getString("snapshot"), parameters.getString("snapshotFingerprint"),
                parameters.getString("baseModel"), parameters.getString("config"));
    }

    TrainingConfig config() {
        return TrainingConfigLoader.load(Path.of(configFile));
    }
}
