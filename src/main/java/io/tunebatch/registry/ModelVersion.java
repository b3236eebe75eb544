package io.tunebatch.registry;

import java.time.OffsetDateTime;

/** A registered version with its current stage. */
public record ModelVersion(long id, String modelName, int version, String baseModel, String adapterPath,
                           String adapterSha256, String snapshotId, String snapshotFingerprint,
                           Long trainingJobExecutionId, String trainedBy, long evalRunId, double evalPassRate,
                           String hyperparameters, String modelCardPath, String registeredBy,
                           OffsetDateTime registeredAt, String stage) {

    public String ref() {
        return modelName + ":" + version;
    }
}
