package io.tunebatch.prepare;

import java.util.Map;

/**
 * What a prepare run did, across its restarts: the machine-readable summary of {@code prepare --json}.
 * Always {@code read = written + deduplicated + rejected}.
 */
public record PrepareSummary(
        long jobExecutionId,
        long jobInstanceId,
        String status,
        String exitMessage,
        long read,
        long written,
        long deduplicated,
        long rejected,
        long scanned,
        long examplesWithPii,
        long detections,
        long valid,
        long invalid,
        Map<String, Long> invalidByRule,
        String validationReport,
        String snapshotId,
        String snapshotFingerprint,
        Long snapshotExamples) {
}
