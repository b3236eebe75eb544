package io.tunebatch.train;

import io.tunebatch.model.TrainingSettings;
import java.util.List;
import java.util.Map;

/**
 * Mirrors a partition's training into an experiment tracker (MLflow when
 * {@code tunebatch.mlflow.tracking-uri} is set); our tables stay the record. Only settings,
 * figures and identifiers leave: never example text.
 */
interface TrainingTracker {

    /** Tracking switched off: nothing leaves the process. */
    TrainingTracker OFF = new TrainingTracker() {
        @Override
        public String start(String trackedRunId, TrackedPartition partition) {
            return null;
        }

        @Override
        public void logSteps(String trackedRunId, List<Map<String, Object>> steps) {
        }

        @Override
        public void finish(String trackedRunId, PartitionResult result, String adapterSha256) {
        }

        @Override
        public void fail(String trackedRunId) {
        }
    };

    /** What identifies a partition's training and how it was configured. */
    record TrackedPartition(String configName, String partition, TrainingJobParameters job, TrainingSettings settings,
                            String device, long jobInstanceId, long jobExecutionId) {
    }

    /**
     * Opens the tracker's run of this partition, or continues {@code trackedRunId} when the
     * partition is restarted; returns the run's id (null when tracking is off).
     */
    String start(String trackedRunId, TrackedPartition partition);

    /** Per-step figures as the training child wrote them to metrics.jsonl. */
    void logSteps(String trackedRunId, List<Map<String, Object>> steps);

    /** The held-out loss, the adapter's hash and files; the run ends FINISHED. */
    void finish(String trackedRunId, PartitionResult result, String adapterSha256);

    /** The run ends FAILED; a restart continues it. */
    void fail(String trackedRunId);
}
