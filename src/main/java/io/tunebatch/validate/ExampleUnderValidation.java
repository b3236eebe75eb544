package io.tunebatch.validate;

/** What the rules see of an example. */
public record ExampleUnderValidation(String id, String normalizedHash, String instruction, String input, String output,
                                     String reviewStatus, String piiScanResult) {
}
