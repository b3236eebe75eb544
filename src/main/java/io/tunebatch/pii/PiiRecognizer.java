package io.tunebatch.pii;

import java.util.List;
import java.util.Set;

/**
 * Finds candidates for one or a few entity types. A recognizer reports its own base score
 * (structure and validation); the engine then adds context boosts, applies the threshold and
 * resolves overlaps. Implementations are stateless and thread-safe.
 */
public interface PiiRecognizer {

    /** Short stable name stored with each detection, e.g. {@code credit-card}. */
    String name();

    /** Entity types this recognizer can report. */
    Set<String> entityTypes();

    /** Appends candidates found in {@code text} to {@code out}; never throws for odd text. */
    void recognize(String text, List<PiiSpan> out);
}
