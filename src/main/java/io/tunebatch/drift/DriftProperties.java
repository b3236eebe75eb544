package io.tunebatch.drift;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How drift is measured ({@code tunebatch.drift.*}), by {@code drift} and by {@code monitor}.
 *
 * @param lengthBins     bins of a length feature, cut at the reference's quantiles
 * @param vocabularySize most frequent reference tokens that get a bin of their own in the token distribution
 * @param moderatePsi    PSI above this is a moderate shift (watch)
 * @param significantPsi PSI above this is a significant shift; {@code drift} recommends retraining
 */
@ConfigurationProperties("tunebatch.drift")
public record DriftProperties(
        @DefaultValue("10") int lengthBins,
        @DefaultValue("50") int vocabularySize,
        @DefaultValue("0.1") double moderatePsi,
        @DefaultValue("0.2") double significantPsi) {

    public DriftProperties {
        if (lengthBins < 2 || vocabularySize < 1) {
            throw new IllegalArgumentException("tunebatch.drift.length-bins must be at least 2 and vocabulary-size at least 1");
        }
        if (!(moderatePsi > 0 && moderatePsi <= significantPsi)) {
            throw new IllegalArgumentException("tunebatch.drift: need 0 < moderate-psi <= significant-psi");
        }
    }

    /** How a PSI value reads against the two thresholds. */
    public String level(double psi) {
        if (Double.isNaN(psi)) {
            return "no_data";
        }
        if (psi > significantPsi) {
            return "significant";
        }
        return psi > moderatePsi ? "moderate" : "stable";
    }
}
