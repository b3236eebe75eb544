package io.tunebatch.monitor;

/**
 * One failed check on one output: a safety or format case ({@code caseName}, {@code metric},
 * {@code score}, a {@code detail} naming patterns, JSON paths or entity types), or PII leakage
 * ({@code entityType} and how many spans of it). Never the output's text.
 */
record Finding(String checkType, String caseName, String metric, Double score, String entityType, Integer entityCount,
               String detail) {

    static final String SAFETY = "safety";
    static final String FORMAT = "format_compliance";
    static final String PII_LEAKAGE = "pii_leakage";

    static Finding pii(String entityType, int count) {
        return new Finding(PII_LEAKAGE, null, null, null, entityType, count, null);
    }
}
