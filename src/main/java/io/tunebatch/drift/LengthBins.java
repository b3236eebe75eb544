package io.tunebatch.drift;

import java.util.Arrays;

/**
 * Bins for a length feature, cut at the reference's quantiles (deciles with 10 bins, the last cut
 * being the reference's largest value) so each bin holds about the same share of the reference,
 * plus one bin for values above anything in the reference. Equal cut points are merged, so a
 * reference where most texts have the same length gets fewer bins, but longer texts still show.
 * Bin i holds values {@code ≤ upperBounds[i]}, the last bin everything above.
 */
public record LengthBins(int[] upperBounds) {

    public static LengthBins ofReference(int[] referenceValues, int bins) {
        if (referenceValues.length == 0) {
            return new LengthBins(new int[0]);
        }
        int[] sorted = referenceValues.clone();
        Arrays.sort(sorted);
        int[] cuts = new int[bins];
        for (int i = 1; i <= bins; i++) {
            cuts[i - 1] = sorted[(int) Math.ceil((double) i * sorted.length / bins) - 1];
        }
        return new LengthBins(Arrays.stream(cuts).distinct().toArray());
    }

    public int count() {
        return upperBounds.length + 1;
    }

    public int binOf(int value) {
        int i = 0;
        while (i < upperBounds.length && value > upperBounds[i]) {
            i++;
        }
        return i;
    }

    public long[] histogram(int[] values) {
        long[] counts = new long[count()];
        for (int value : values) {
            counts[binOf(value)]++;
        }
        return counts;
    }
}
