package io.tunebatch.samples;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one generation wrote: per data file its counts, and where the ground truth lies. */
public record GenerationSummary(String outDir, long seed, String groundTruthDir, List<FileSummary> files) {

    public GenerationSummary {
        files = List.copyOf(files);
    }

    /**
     * One data file: well-formed records, malformed lines, physical lines and bytes (header
     * included), planted PII values and hard negatives in well-formed records, and how many records
     * got each {@link Planting} other than original.
     */
    public record FileSummary(String file, String format, long records, long malformedLines, long lines, long bytes,
                              long piiValues, long hardNegatives, Map<String, Long> plantings) {

        public FileSummary {
            plantings = Collections.unmodifiableMap(new LinkedHashMap<>(plantings));
        }
    }
}
