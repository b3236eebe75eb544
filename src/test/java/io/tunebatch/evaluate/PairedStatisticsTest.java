package io.tunebatch.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunebatch.evaluate.PairedStatistics.Interval;
import org.junit.jupiter.api.Test;

class PairedStatisticsTest {

    @Test
    void mcNemarExactMatchesTheBinomialTest() {
        // scipy.stats.binomtest(2, 12, 0.5).pvalue == 0.03857421875 (= 2 * 79 / 4096)
        assertThat(PairedStatistics.mcNemarExactP(2, 10)).isCloseTo(0.03857421875, within(1e-12));
        assertThat(PairedStatistics.mcNemarExactP(10, 2)).isCloseTo(0.03857421875, within(1e-12));
        // 2 * (1 + 7) / 128
        assertThat(PairedStatistics.mcNemarExactP(1, 6)).isCloseTo(0.125, within(1e-12));
        assertThat(PairedStatistics.mcNemarExactP(0, 5)).isCloseTo(0.0625, within(1e-12));
        assertThat(PairedStatistics.mcNemarExactP(3, 3)).isEqualTo(1.0);
        assertThat(PairedStatistics.mcNemarExactP(0, 0)).isEqualTo(1.0);
        // large n stays finite: P[X <= 400] for Bin(2000, 1/2) is astronomically small, not NaN
        assertThat(PairedStatistics.mcNemarExactP(400, 1600)).isBetween(0.0, 1e-100);
    }

    @Test
    void bootstrapIsSeededAndBracketsTheMean() {
        double[] differences = {0.0, 1.0, 0.0, 0.5, 1.0, 0.0, 0.2, 0.0, 1.0, 0.3};
        Interval first = PairedStatistics.bootstrapMean(differences, 5_000, 7L, 0.95);
        Interval again = PairedStatistics.bootstrapMean(differences, 5_000, 7L, 0.95);

        assertThat(again).isEqualTo(first);
        assertThat(first.mean()).isCloseTo(0.4, within(1e-12));
        assertThat(first.low()).isLessThan(0.4).isGreaterThanOrEqualTo(0.0);
        assertThat(first.high()).isGreaterThan(0.4).isLessThanOrEqualTo(1.0);
        assertThat(PairedStatistics.bootstrapMean(differences, 5_000, 8L, 0.95)).isNotEqualTo(first);
        double[] constant = {0.25, 0.25, 0.25};
        Interval degenerate = PairedStatistics.bootstrapMean(constant, 1_000, 1L, 0.9);
        assertThat(degenerate.low()).isEqualTo(0.25);
        assertThat(degenerate.high()).isEqualTo(0.25);
    }
}
