package io.tunebatch.pii;

import java.util.List;

/**
 * Finds PII in a text. Returned spans are at or above the configured threshold, sorted by start
 * and free of overlaps. Implementations are thread-safe.
 */
public interface PiiDetector {

    List<PiiSpan> detect(String text);
}
