package io.tunebatch.lineage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The content of a training example and its identity.
 *
 * <p>The content hash is SHA-256 over the three fields encoded as netstrings
 * ({@code <utf-8 byte length>:<bytes>,} each, in the order instruction, input, output). Unlike
 * {@code instruction|input|output}, that encoding is unambiguous: {@code ("a|b","c")} and
 * {@code ("a","b|c")} differ, and any language can reproduce it (the README shows it in Python).
 */
public record ExampleContent(String instruction, String input, String output) {

    public static final String ID_PREFIX = "te_";

    public ExampleContent {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }

    /** SHA-256 (lowercase hex) over the netstring encoding of the exact text. */
    public String contentHash() {
        return sha256Netstrings(instruction, input, output);
    }

    /** {@code te_} + the first 16 hex characters of the content hash. */
    public String exampleId() {
        return idOf(contentHash());
    }

    /**
     * Hash of the content after Unicode NFKC, lower-casing and whitespace collapsing: equal for
     * near-duplicates that differ only in case or spacing.
     */
    public String normalizedHash() {
        return sha256Netstrings(normalize(instruction), normalize(input), normalize(output));
    }

    public static String idOf(String contentHash) {
        return ID_PREFIX + contentHash.substring(0, 16);
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .strip()
                .replaceAll("\\s+", " ");
    }

    private static String sha256Netstrings(String... fields) {
        MessageDigest digest = sha256();
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
            digest.update((byte) ',');
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
