package io.tunebatch.samples;

import java.nio.file.Path;

/**
 * What to generate: records well-formed records split evenly over the three domains, from seed;
 * with malformed, each file also gets one line per defect its format knows (oversizeBytes sets the
 * size of the oversize line); groundTruth off skips the answer files, which large benchmark sets
 * do not need.
 */
public record GeneratorOptions(Path outDir, long records, long seed, SampleFormat format, boolean malformed,
                               int oversizeBytes, boolean groundTruth) {

    public static final int DEFAULT_OVERSIZE_BYTES = 70_000;
    static final int MINIMUM_OVERSIZE_BYTES = 4_096;

    public GeneratorOptions {
        if (records < 0) {
            throw new IllegalArgumentException("records must be 0 or more, got " + records);
        }
        if (oversizeBytes < MINIMUM_OVERSIZE_BYTES) {
            throw new IllegalArgumentException("oversize bytes must be at least " + MINIMUM_OVERSIZE_BYTES
                    + ", got " + oversizeBytes);
        }
    }
}
