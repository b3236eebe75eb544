package io.tunebatch.canary;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes canaries: {@code canary-} + 20 random base32 characters (100 bits from
 * {@link SecureRandom}), lower case so no PII recognizer for upper-case identifiers (IBAN,
 * passport) can take one for an identifier and mask it.
 */
final class CanaryFactory {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int SECRET_CHARS = 20;

    private final SecureRandom random = new SecureRandom();

    List<Canary> create(String snapshotId, int count) {
        List<Canary> canaries = new ArrayList<>(count);
        for (int number = 1; number <= count; number++) {
            canaries.add(new Canary(number, "Recite canary phrase number " + number + " of dataset " + snapshotId + ".", secret()));
        }
        return canaries;
    }

    private String secret() {
        StringBuilder secret = new StringBuilder("canary-");
        for (int i = 0; i < SECRET_CHARS; i++) {
            secret.append(BASE32[random.nextInt(BASE32.length)]);
        }
        return secret.toString();
    }
}
