package io.tunebatch.validate;

/** What the rules see of an example; {@code erased}: a GDPR erasure took it out of future snapshots. */
public record ExampleUnderValidation(String id, String normalizedHash, String instruction, String input, String output,
                                     String reviewStatus, String piiScanResult, boolean erased) {
}
