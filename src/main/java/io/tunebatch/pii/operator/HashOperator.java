package io.tunebatch.pii.operator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of the value under a secret key, as lowercase hex: equal values map to equal
 * hashes (joins and counts still work) but without the key nobody can test guesses against them.
 */
public final class HashOperator implements AnonymizeOperator {

    static final int MIN_KEY_LENGTH = 16;

    private final SecretKeySpec key;

    public HashOperator(String secret) {
        if (secret == null || secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the hash operator needs tunebatch.pii.hash-key, a secret of at least "
                    + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public String apply(String value, String entityType) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
