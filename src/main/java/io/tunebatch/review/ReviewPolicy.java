package io.tunebatch.review;

/** Which examples need a human approval before they may be trained on. */
public enum ReviewPolicy {
    /** Examples with PII detections (the default). */
    FLAGGED,
    /** Every example, as the reference design's validator demands. */
    ALL
}
