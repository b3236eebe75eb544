package io.tunebatch.drift;

import java.util.Arrays;
import java.util.Locale;

/**
 * What {@code drift} compares fresh data with. Both are profiled from stored, anonymized text, so
 * fresh text is anonymized the same way before it is profiled.
 */
public enum DriftReference {

    /**
     * Every example the snapshot was drawn from: all that its prepare run validated, valid or not
     * (flagged, not reviewed, too short, near-duplicate), each once, erased ones left out. Raw data
     * of the same kind reads as no drift.
     */
    POPULATION,

    /** The snapshot's members, i.e. the training data after validation, review and deduplication. */
    SNAPSHOT;

    /** The name as the option and the stored report spell it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but {@code population} or {@code snapshot} */
    public static DriftReference of(String value) {
        return Arrays.stream(values()).filter(reference -> reference.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown drift reference '" + value
                        + "'; use --reference population or --reference snapshot"));
    }
}
