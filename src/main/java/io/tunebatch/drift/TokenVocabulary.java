package io.tunebatch.drift;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bins of the token distribution: the reference's most frequent tokens (ties by token), one
 * bin each, and one last bin for every other token. Tokens are {@link io.tunebatch.evaluate.TextMetrics}
 * tokens (NFKC, lower case, punctuation removed, split on whitespace). The vocabulary itself is
 * derived from the (anonymized) training data and is never stored.
 */
public final class TokenVocabulary {

    private final Map<String, Integer> binByToken = new HashMap<>();

    private TokenVocabulary(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            binByToken.put(tokens.get(i), i);
        }
    }

    public static TokenVocabulary top(Map<String, Long> tokenCounts, int size) {
        return new TokenVocabulary(tokenCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(size)
                .map(Map.Entry::getKey)
                .toList());
    }

    /** Number of bins: one per vocabulary token plus the "other tokens" bin. */
    public int bins() {
        return binByToken.size() + 1;
    }

    public int binOf(String token) {
        return binByToken.getOrDefault(token, binByToken.size());
    }

    public long[] histogram(Map<String, Long> tokenCounts) {
        long[] counts = new long[bins()];
        tokenCounts.forEach((token, count) -> counts[binOf(token)] += count);
        return counts;
    }

    /** Adds each token's bin to {@code counts}. */
    public void count(List<String> tokens, long[] counts) {
        tokens.forEach(token -> counts[binOf(token)]++);
    }
}
