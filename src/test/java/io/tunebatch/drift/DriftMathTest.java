package io.tunebatch.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** PSI and the binning it is computed over, on figures checked by hand. */
class DriftMathTest {

    @Test
    void psiIsZeroForTheSameSharesAndGrowsWithTheShift() {
        assertThat(Psi.of(new long[] {10, 20, 70}, new long[] {1, 2, 7})).isZero();
        // (0.3-0.2)·ln(0.3/0.2) + (0.2-0.3)·ln(0.2/0.3) = 0.2·ln(1.5)
        assertThat(Psi.of(new long[] {20, 30, 50}, new long[] {30, 20, 50})).isCloseTo(0.2 * Math.log(1.5), within(1e-12));
        assertThat(Psi.of(new long[] {50, 50, 0}, new long[] {0, 0, 10})).as("empty bins count as 0.01 %, not 0")
                .isFinite().isGreaterThan(10);
        assertThat(Psi.of(new long[] {1, 2}, new long[] {0, 0})).isNaN();
    }

    @Test
    void lengthBinsCutAtTheReferenceDecilesAndKeepABinAboveIt() {
        int[] oneToHundred = IntStream.rangeClosed(1, 100).toArray();
        LengthBins deciles = LengthBins.ofReference(oneToHundred, 10);
        assertThat(deciles.upperBounds()).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertThat(deciles.histogram(oneToHundred)).containsExactly(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 0);
        assertThat(deciles.binOf(0)).isZero();
        assertThat(deciles.binOf(1000)).isEqualTo(10);

        LengthBins constant = LengthBins.ofReference(new int[] {4, 4, 4, 4}, 10);
        assertThat(constant.upperBounds()).as("equal cuts merged").containsExactly(4);
        assertThat(Psi.of(constant.histogram(new int[] {4, 4, 4, 4}), constant.histogram(new int[] {50, 50, 4})))
                .as("longer texts than any in a constant reference still shift").isGreaterThan(0.2);
    }

    @Test
    void tokenVocabularyKeepsTheMostFrequentTokensAndPoolsTheRest() {
        TokenVocabulary vocabulary = TokenVocabulary.top(Map.of("card", 5L, "fee", 5L, "loan", 1L), 2);
        assertThat(vocabulary.bins()).isEqualTo(3);
        assertThat(vocabulary.histogram(Map.of("card", 2L, "fee", 1L, "loan", 4L, "parcel", 3L))).containsExactly(2, 1, 7);
    }

    @Test
    void levelsAndRecommendationFollowTheThresholds() {
        DriftProperties properties = new DriftProperties(10, 50, 0.1, 0.2);
        assertThat(properties.level(0.05)).isEqualTo("stable");
        assertThat(properties.level(0.15)).isEqualTo("moderate");
        assertThat(properties.level(0.25)).isEqualTo("significant");
        assertThat(DriftAnalysis.recommendation(java.util.List.of(new FeatureDrift("a", 0.15, "moderate", 10))))
                .isEqualTo("watch");
    }
}
