package io.tunebatch.drift;

/**
 * Population Stability Index of a current distribution against a reference, over the same bins:
 * {@code PSI = Σ (current% − reference%) · ln(current% / reference%)}. A bin that is empty on one
 * side counts as {@value #EMPTY_BIN_SHARE} of it, so an empty bin adds a large but finite term.
 * Usual reading: below 0.1 stable, 0.1 to 0.2 moderate shift, above 0.2 significant shift.
 */
public final class Psi {

    /** The share an empty bin is given (0.01 %), instead of 0, which would make the logarithm infinite. */
    static final double EMPTY_BIN_SHARE = 0.0001;

    private Psi() {
    }

    /**
     * @return the PSI, or NaN when either side has no observations at all
     */
    public static double of(long[] reference, long[] current) {
        if (reference.length != current.length) {
            throw new IllegalArgumentException("bins differ: " + reference.length + " vs " + current.length);
        }
        long referenceTotal = total(reference);
        long currentTotal = total(current);
        if (referenceTotal == 0 || currentTotal == 0) {
            return Double.NaN;
        }
        double psi = 0;
        for (int i = 0; i < reference.length; i++) {
            double expected = Math.max((double) reference[i] / referenceTotal, EMPTY_BIN_SHARE);
            double actual = Math.max((double) current[i] / currentTotal, EMPTY_BIN_SHARE);
            psi += (actual - expected) * Math.log(actual / expected);
        }
        return psi;
    }

    private static long total(long[] counts) {
        long sum = 0;
        for (long count : counts) {
            sum += count;
        }
        return sum;
    }
}
