package io.tunebatch.snapshot;

import java.time.OffsetDateTime;

/**
 * An immutable set of valid examples. {@code fingerprint} = SHA-256 over the examples' sorted
 * content hashes, one per line ({@code hash + "\n"}), so equal content gives an equal fingerprint.
 *
 * @param canaryCount how many of the examples are planted canaries ({@code prepare --canaries})
 */
public record DatasetSnapshot(String id, String fingerprint, long exampleCount, long sourceCount,
                              OffsetDateTime createdAt, long jobInstanceId, long jobExecutionId, long canaryCount) {

    public static String idFor(long jobInstanceId) {
        return "ds_" + jobInstanceId;
    }
}
