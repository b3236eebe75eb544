package io.tunebatch.evaluate;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Text similarity as usual in QA evaluation (SQuAD-style): texts are normalized (Unicode NFKC,
 * lower case, punctuation removed, whitespace collapsed) and split on whitespace into tokens.
 */
public final class TextMetrics {

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private TextMetrics() {
    }

    static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(PUNCTUATION.matcher(folded).replaceAll(" ")).replaceAll(" ").trim();
    }

    public static List<String> tokens(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }

    /** Harmonic mean of token precision and recall over the multiset of shared tokens. */
    static double tokenF1(String output, String reference) {
        List<String> predicted = tokens(output);
        List<String> expected = tokens(reference);
        if (predicted.isEmpty() || expected.isEmpty()) {
            return predicted.equals(expected) ? 1.0 : 0.0;
        }
        Map<String, Integer> remaining = new HashMap<>();
        expected.forEach(token -> remaining.merge(token, 1, Integer::sum));
        int shared = 0;
        for (String token : predicted) {
            Integer left = remaining.get(token);
            if (left != null && left > 0) {
                remaining.put(token, left - 1);
                shared++;
            }
        }
        return f1(shared, predicted.size(), expected.size());
    }

    /** ROUGE-L: F1 of precision and recall of the longest common token subsequence. */
    static double rougeL(String output, String reference) {
        List<String> predicted = tokens(output);
        List<String> expected = tokens(reference);
        if (predicted.isEmpty() || expected.isEmpty()) {
            return predicted.equals(expected) ? 1.0 : 0.0;
        }
        return f1(longestCommonSubsequence(predicted, expected), predicted.size(), expected.size());
    }

    private static int longestCommonSubsequence(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String tokenA : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = tokenA.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    private static double f1(int overlap, int predictedCount, int expectedCount) {
        if (overlap == 0) {
            return 0.0;
        }
        double precision = (double) overlap / predictedCount;
        double recall = (double) overlap / expectedCount;
        return 2 * precision * recall / (precision + recall);
    }
}
