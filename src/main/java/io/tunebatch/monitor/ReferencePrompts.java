package io.tunebatch.monitor;

import io.tunebatch.drift.DatasetProfile;
import io.tunebatch.drift.DriftProperties;
import io.tunebatch.drift.LengthBins;
import io.tunebatch.drift.TokenVocabulary;

/**
 * The training snapshot's prompts (instruction + input) as the monitor compares production
 * prompts with them: prompt lengths in tokens over quantile bins, and the token distribution over
 * the snapshot's most frequent tokens (binning as for {@code drift}, {@code tunebatch.drift.*}).
 */
record ReferencePrompts(LengthBins lengthBins, long[] lengthHistogram, TokenVocabulary vocabulary, long[] tokenHistogram) {

    static ReferencePrompts of(DatasetProfile snapshot, DriftProperties properties) {
        int[] lengths = snapshot.promptLengths();
        LengthBins bins = LengthBins.ofReference(lengths, properties.lengthBins());
        TokenVocabulary vocabulary = TokenVocabulary.top(snapshot.promptTokens(), properties.vocabularySize());
        return new ReferencePrompts(bins, bins.histogram(lengths), vocabulary, vocabulary.histogram(snapshot.promptTokens()));
    }
}
