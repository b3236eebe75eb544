package io.tunebatch.evaluate;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How an accuracy case compares the output with its reference; the names are the suite's {@code metric} values. */
public enum AccuracyMetric {
    /** 1 when output and reference are equal after normalization, else 0. */
    EXACT("exact"),
    /** 1 when the normalized output contains the normalized reference, else 0. */
    CONTAINS("contains"),
    /** 1 when the reference, a Java regular expression, is found in the raw output, else 0. */
    REGEX("regex"),
    /** Token-level F1 between output and reference. */
    TOKEN_F1("token_f1"),
    /** ROUGE-L F1 (longest common token subsequence). */
    ROUGE_L("rouge_l");

    private final String id;

    AccuracyMetric(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    double score(String output, String reference) {
        return switch (this) {
            case EXACT -> TextMetrics.normalize(output).equals(TextMetrics.normalize(reference)) ? 1.0 : 0.0;
            case CONTAINS -> TextMetrics.normalize(output).contains(TextMetrics.normalize(reference)) ? 1.0 : 0.0;
            case REGEX -> Pattern.compile(reference).matcher(output).find() ? 1.0 : 0.0;
            case TOKEN_F1 -> TextMetrics.tokenF1(output, reference);
            case ROUGE_L -> TextMetrics.rougeL(output, reference);
        };
    }

    static Optional<AccuracyMetric> byId(String id) {
        return Arrays.stream(values()).filter(metric -> metric.id.equals(id)).findFirst();
    }

    static String ids() {
        return Arrays.stream(values()).map(AccuracyMetric::id).collect(Collectors.joining(", "));
    }
}
