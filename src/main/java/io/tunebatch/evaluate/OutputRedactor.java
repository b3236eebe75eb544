package io.tunebatch.evaluate;

import io.tunebatch.pii.PiiDetector;
import io.tunebatch.pii.PiiSpan;

/** Replaces each PII span in a model output by its entity type so reports and tables never hold PII. */
final class OutputRedactor {

    private OutputRedactor() {
    }

    static String redact(String output, PiiDetector pii) {
        StringBuilder redacted = new StringBuilder(output.length());
        int position = 0;
        for (PiiSpan span : pii.detect(output)) {
            redacted.append(output, position, span.start()).append('<').append(span.entityType()).append('>');
            position = span.end();
        }
        return redacted.append(output, position, output.length()).toString();
    }
}
