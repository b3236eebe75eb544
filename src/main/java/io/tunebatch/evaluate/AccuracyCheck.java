package io.tunebatch.evaluate;

import io.tunebatch.pii.PiiDetector;
import java.util.Locale;

/** Compares the output with a reference answer by one metric. */
public record AccuracyCheck(AccuracyMetric accuracyMetric, String reference, double threshold) implements CaseCheck {

    @Override
    public CaseType type() {
        return CaseType.ACCURACY;
    }

    @Override
    public String metric() {
        return accuracyMetric.id();
    }

    @Override
    public CaseScore score(String output, PiiDetector pii) {
        double score = accuracyMetric.score(output, reference);
        return new CaseScore(score, String.format(Locale.ROOT, "%s %.3f (threshold %.2f)", metric(), score, threshold));
    }
}
