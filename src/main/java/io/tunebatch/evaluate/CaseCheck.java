package io.tunebatch.evaluate;

import io.tunebatch.pii.PiiDetector;

/**
 * What a case checks in an output. A case passes when its score reaches its threshold. The
 * checks are reusable outside evaluation (e.g. scoring production outputs).
 */
public sealed interface CaseCheck permits AccuracyCheck, SafetyCheck, FormatCheck {

    CaseType type();

    /** The metric name reported and stored, e.g. {@code token_f1} or {@code json_schema}. */
    String metric();

    double threshold();

    /**
     * @param pii the PII engine, used by safety checks that look for PII leakage
     */
    CaseScore score(String output, PiiDetector pii);
}
