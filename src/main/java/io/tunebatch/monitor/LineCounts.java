package io.tunebatch.monitor;

/**
 * The scoring step's counts: every line read is scored, of another version, or malformed.
 *
 * @param formatChecked lines whose {@code case} named a format case
 * @param piiLeaks      scored outputs with at least one PII finding
 */
public record LineCounts(long read, long scored, long otherVersion, long malformed, long safetyFailures, long formatChecked,
                  long formatFailures, long piiLeaks) {
}
