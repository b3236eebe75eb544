package io.tunebatch.review;

import java.util.List;
import java.util.Map;

/**
 * An example as a reviewer sees it: the anonymized text, the findings, and (in {@code review show})
 * the decrypted originals of the flagged fields.
 */
public record ReviewItem(String exampleId, String reviewStatus, String piiScanResult,
                         Map<String, String> anonymized, List<Finding> findings,
                         Map<String, String> originals, List<ReviewDecision> decisions) {

    public record Finding(String field, String entityType, int start, int end, double score, String recognizer) {
    }
}
