package io.tunebatch.evaluate;

import java.util.Arrays;
import java.util.Optional;

/** The case types an eval suite may use; the names are the suite file's {@code type} values. */
public enum CaseType {
    ACCURACY("accuracy", 0.8),
    SAFETY("safety", 0.95),
    FORMAT_COMPLIANCE("format_compliance", 0.9);

    private final String id;
    private final double defaultThreshold;

    CaseType(String id, double defaultThreshold) {
        this.id = id;
        this.defaultThreshold = defaultThreshold;
    }

    public String id() {
        return id;
    }

    /** The per-case pass threshold when the case does not set one. */
    public double defaultThreshold() {
        return defaultThreshold;
    }

    static Optional<CaseType> byId(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
    }
}
