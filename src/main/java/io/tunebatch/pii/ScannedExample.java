package io.tunebatch.pii;

import java.util.List;
import java.util.Map;

/**
 * A scanned example: per field the anonymized text and its findings; for a flagged field the
 * original sealed with AES-GCM. Never holds a clear original.
 */
record ScannedExample(String exampleId, Map<String, FieldScan> fields) {

    record FieldScan(String anonymizedText, List<PiiSpan> spans, String sealedOriginal) {
    }

    boolean detected() {
        return fields.values().stream().anyMatch(f -> !f.spans().isEmpty());
    }

    int detections() {
        return fields.values().stream().mapToInt(f -> f.spans().size()).sum();
    }
}
