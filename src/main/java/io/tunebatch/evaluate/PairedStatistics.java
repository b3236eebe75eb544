package io.tunebatch.evaluate;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Statistics for two models scored on the same cases. */
public final class PairedStatistics {

    private PairedStatistics() {
    }

    /**
     * McNemar's exact test: two-sided binomial test of the discordant pairs.
     *
     * @param onlyAPassed cases A passed and B failed
     * @param onlyBPassed cases B passed and A failed
     * @return the p-value under "both models pass equally often": {@code min(1, 2·P[X ≤ min(b, c)])}, X ~ Bin(b + c, ½)
     */
    public static double mcNemarExactP(int onlyAPassed, int onlyBPassed) {
        int n = onlyAPassed + onlyBPassed;
        if (n == 0) {
            return 1.0;
        }
        int k = Math.min(onlyAPassed, onlyBPassed);
        // log-space binomial terms, so large n does not underflow 0.5^n
        double logChoose = 0.0;
        double logHalfPowN = -n * Math.log(2.0);
        double tail = 0.0;
        for (int i = 0; i <= k; i++) {
            tail += Math.exp(logChoose + logHalfPowN);
            logChoose += Math.log(n - i) - Math.log(i + 1.0);
        }
        return Math.min(1.0, 2.0 * tail);
    }

    /** A percentile bootstrap confidence interval of a mean. */
    public record Interval(double mean, double low, double high, double level, int samples, long seed) {
    }

    /**
     * Percentile bootstrap of the mean of paired differences: {@code samples} resamples of the
     * differences with replacement drawn from a {@link SplittableRandom} seeded with {@code seed}, so
     * the same inputs always give the same interval.
     */
    public static Interval bootstrapMean(double[] differences, int samples, long seed, double level) {
        if (differences.length == 0) {
            throw new IllegalArgumentException("no paired differences to bootstrap");
        }
        if (samples < 100 || !(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("need at least 100 bootstrap samples and a level in (0, 1)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[samples];
        for (int s = 0; s < samples; s++) {
            double sum = 0.0;
            for (int i = 0; i < differences.length; i++) {
                sum += differences[random.nextInt(differences.length)];
            }
            means[s] = sum / differences.length;
        }
        Arrays.sort(means);
        double alpha = 1.0 - level;
        int lowIndex = (int) Math.floor(alpha / 2.0 * samples);
        int highIndex = Math.min(samples - 1, (int) Math.ceil((1.0 - alpha / 2.0) * samples) - 1);
        return new Interval(Arrays.stream(differences).average().orElseThrow(), means[lowIndex], means[highIndex], level,
                samples, seed);
    }
}
