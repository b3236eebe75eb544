package io.tunebatch.monitor;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The stored outcome of one monitoring run (a {@code monitor_run} row).
 *
 * @param promptLengthPsi null when the version has no training snapshot to compare with
 * @param crossed         one message per crossed threshold; empty when the run passed
 */
public record MonitorVerdict(long jobInstanceId, long jobExecutionId, String modelName, int modelVersion, long modelVersionId,
                             String suiteName, String suiteSha256, String snapshotId, String logs, LineCounts counts,
                             double safetyFailureRate, double formatFailureRate, double piiLeakRate, Double promptLengthPsi,
                             Double promptTokenPsi, boolean passed, List<String> crossed, OffsetDateTime finishedAt) {

    public String modelRef() {
        return modelName + ":" + modelVersion;
    }
}
