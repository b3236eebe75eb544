package io.tunebatch.pii.operator;

import io.tunebatch.pii.FieldCipher;

/**
 * AES-GCM encryption with the PII key, written as {@code ENC(keyId:base64)} so an authorized
 * reviewer holding the key can restore the value ({@link #decrypt}).
 */
public final class EncryptOperator implements AnonymizeOperator {

    private static final String PREFIX = "ENC(";

    private final FieldCipher cipher;

    public EncryptOperator(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String apply(String value, String entityType) {
        return PREFIX + cipher.keyId() + ":" + cipher.seal(value) + ")";
    }

    /** The original of a value written by {@link #apply}. */
    public String decrypt(String token) {
        int colon = token.indexOf(':');
        if (!token.startsWith(PREFIX) || !token.endsWith(")") || colon < 0) {
            throw new IllegalArgumentException("not an ENC(keyId:value) token");
        }
        return cipher.open(token.substring(colon + 1, token.length() - 1), token.substring(PREFIX.length(), colon));
    }
}
