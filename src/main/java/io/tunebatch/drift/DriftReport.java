package io.tunebatch.drift;

import java.util.List;

/**
 * What a drift run printed and stored. {@code reportId} and the figures are null when the job
 * failed before storing its report.
 *
 * @param firstRejections up to ten records prepare would reject, as "file:line: reason"
 * @param reference       {@code population} or {@code snapshot}: what {@code referenceExamples} counts
 * @param recommendation  {@code retrain}, {@code watch} or {@code none}
 */
public record DriftReport(long jobExecutionId, String status, String exitMessage, Long reportId, String snapshotId,
                          String reference, String source, Long referenceExamples, Long currentRecords, Long rejectedRecords,
                          List<String> firstRejections, List<FeatureDrift> features, String recommendation) {
}
