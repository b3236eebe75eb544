package io.tunebatch.definition;

import io.tunebatch.ingest.SourceSpec;
import io.tunebatch.pii.PiiPolicy;
import java.util.List;

/**
 * A definition's prepare step. Null settings were left out and take the application's
 * configuration ({@code tunebatch.ingest.skip-limit}, {@code tunebatch.review.policy},
 * {@code tunebatch.validation.*}); {@code canaries} null plants none.
 */
public record PrepareDefinition(List<SourceSpec> sources, Long skipLimit, PiiPolicy pii, String reviewPolicy,
                                Integer minOutputWords, Integer maxChars, Integer canaries) {
}
