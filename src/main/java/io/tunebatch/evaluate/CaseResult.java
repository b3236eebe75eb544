package io.tunebatch.evaluate;

/**
 * One scored case.
 *
 * @param outputRedacted the output with every PII span replaced by its type, e.g. {@code <EMAIL>}
 * @param outputSha256   identifies the raw output (two versions answered alike) without revealing it
 */
public record CaseResult(int index, String name, String type, String metric, double score, double threshold,
                         boolean passed, String detail, String outputRedacted, String outputSha256) {
}
