package io.tunebatch.lineage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The human review state of a training example. */
public enum ReviewStatus {
    PENDING, APPROVED, REJECTED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReviewStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.dbValue().equalsIgnoreCase(value.strip())).findFirst();
    }
}
