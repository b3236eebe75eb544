package io.tunebatch.lineage;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What {@code lineage erase} did: the request recorded, the examples taken out of future snapshots
 * (their text and encrypted originals destroyed), the examples kept because another document still
 * provides them, and the model versions flagged for retraining.
 */
public record ErasureResult(long erasureRequestId, String sourceSystem, String sourceDocumentId, String requestedBy,
                            OffsetDateTime requestedAt, List<String> erasedExamples, List<String> keptExamples,
                            int originalsDeleted, List<ErasureImpact.ModelVersionUse> flaggedForRetraining) {
}
