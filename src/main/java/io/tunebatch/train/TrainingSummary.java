package io.tunebatch.train;

import java.util.List;

/**
 * What a train run did: every candidate, the selected one and, with {@code --suite}, the eval run of
 * the selected adapter (the id {@code model register --eval-run} takes); the output of {@code train --json}.
 */
public record TrainingSummary(long jobExecutionId, long jobInstanceId, String status, String exitMessage,
                              String snapshotId, String snapshotFingerprint, String baseModel,
                              List<TrainingRunRepository.RunView> candidates, TrainingRunRepository.RunView selected,
                              Long evalRunId) {
}
