package io.tunebatch.pii;

/**
 * One PII finding in a text: Java char offsets [start, end), the entity type (e.g. {@code PERSON}),
 * a score in [0, 1] and the recognizer that produced it. Never carries the matched value.
 */
public record PiiSpan(int start, int end, String entityType, double score, String recognizer) {

    public PiiSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }
}
