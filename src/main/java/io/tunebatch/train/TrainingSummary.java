package io.tunebatch.train;

import java.util.List;

/** What a train run did: every candidate and the selected one; the output of {@code train --json}. */
public record TrainingSummary(long jobExecutionId, long jobInstanceId, String status, String exitMessage,
                              String snapshotId, String snapshotFingerprint, String baseModel,
                              List<TrainingRunRepository.RunView> candidates, TrainingRunRepository.RunView selected) {
}
