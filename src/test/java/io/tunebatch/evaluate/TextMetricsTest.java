package io.tunebatch.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TextMetricsTest {

    @Test
    void exactIgnoresCasePunctuationAndSpacing() {
        assertThat(AccuracyMetric.EXACT.score("  The answer is: Paris! ", "the answer is paris")).isEqualTo(1.0);
        assertThat(AccuracyMetric.EXACT.score("The answer is Lyon", "the answer is paris")).isEqualTo(0.0);
    }

    @Test
    void containsLooksForTheNormalizedReference() {
        assertThat(AccuracyMetric.CONTAINS.score("I think it's PARIS, France.", "paris france")).isEqualTo(1.0);
        assertThat(AccuracyMetric.CONTAINS.score("Lyon", "paris")).isEqualTo(0.0);
    }

    @Test
    void regexSearchesTheRawOutput() {
        assertThat(AccuracyMetric.REGEX.score("Order #A-1234 shipped", "#[A-Z]-\\d{4}")).isEqualTo(1.0);
        assertThat(AccuracyMetric.REGEX.score("order a-1234", "#[A-Z]-\\d{4}")).isEqualTo(0.0);
    }

    @Test
    void tokenF1CountsSharedTokensOnce() {
        // output: the cat sat (3), reference: the cat (2); shared 2 → P 2/3, R 1 → F1 0.8
        assertThat(AccuracyMetric.TOKEN_F1.score("The cat sat", "the cat")).isCloseTo(0.8, within(1e-9));
        // repeated tokens: "the the the" vs "the cat": shared 1 → P 1/3, R 1/2 → F1 0.4
        assertThat(AccuracyMetric.TOKEN_F1.score("the the the", "the cat")).isCloseTo(0.4, within(1e-9));
        assertThat(AccuracyMetric.TOKEN_F1.score("dog", "the cat")).isEqualTo(0.0);
        assertThat(AccuracyMetric.TOKEN_F1.score("", "")).isEqualTo(1.0);
    }

    @Test
    void rougeLUsesTheLongestCommonSubsequence() {
        // reference: police killed the gunman (4); output: police kill the gunman (4); LCS police the gunman = 3
        assertThat(AccuracyMetric.ROUGE_L.score("police kill the gunman", "police killed the gunman")).isCloseTo(0.75, within(1e-9));
        // order matters: the longest common subsequence is "the gunman" (2 of 4)
        assertThat(AccuracyMetric.ROUGE_L.score("the gunman killed police", "police killed the gunman")).isCloseTo(0.5, within(1e-9));
        assertThat(AccuracyMetric.ROUGE_L.score("a b c", "a b c")).isEqualTo(1.0);
    }
}
