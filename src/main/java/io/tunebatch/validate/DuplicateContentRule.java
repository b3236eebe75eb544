package io.tunebatch.validate;

import java.util.Map;
import java.util.Optional;

/**
 * Near-duplicates: exact duplicates are merged at ingest, so this catches content equal after
 * normalizing case, Unicode form and whitespace. The example with the smallest id of a group is
 * kept; the others fail. Built per step from the groups the database finds.
 */
final class DuplicateContentRule implements ValidationRule {

    private final Map<String, String> keptIdByNormalizedHash;

    DuplicateContentRule(Map<String, String> keptIdByNormalizedHash) {
        this.keptIdByNormalizedHash = keptIdByNormalizedHash;
    }

    @Override
    public String name() {
        return "duplicate_content";
    }

    @Override
    public Optional<String> check(ExampleUnderValidation example) {
        String kept = keptIdByNormalizedHash.get(example.normalizedHash());
        return kept == null || kept.equals(example.id())
                ? Optional.empty()
                : Optional.of("same content as " + kept + " after normalizing case and whitespace");
    }
}
