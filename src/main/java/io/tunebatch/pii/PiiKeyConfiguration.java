package io.tunebatch.pii;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The PII key: {@code tunebatch.pii.encryption-key} (base64 of 32 bytes, from a secret) wins;
 * otherwise the key file {@code tunebatch.pii.key-file}, created with owner-only permissions on
 * first use so the embedded default works out of the box.
 */
@Configuration(proxyBeanMethods = false)
public class PiiKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PiiKeyConfiguration.class);

    @Bean
    FieldCipher fieldCipher(@Value("${tunebatch.pii.encryption-key:}") String configuredKey,
                            @Value("${tunebatch.pii.key-file:${tunebatch.data-dir}/pii.key}") Path keyFile) {
        byte[] key = configuredKey.isBlank() ? readOrCreate(keyFile) : decode(configuredKey, "tunebatch.pii.encryption-key");
        return new FieldCipher(new SecretKeySpec(key, "AES"), keyId(key));
    }

    private static byte[] readOrCreate(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return decode(Files.readString(keyFile).trim(), keyFile.toString());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
            log.warn("Created a local PII encryption key at {} (owner-only). Back it up: flagged originals "
                    + "cannot be decrypted without it. In production set tunebatch.pii.encryption-key from a secret.",
                    keyFile.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the PII key file " + keyFile, e);
        }
    }

    private static byte[] decode(String base64, String origin) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("PII key from " + origin + " is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("PII key from " + origin + " must be 32 bytes (AES-256), got " + key.length);
        }
        return key;
    }

    private static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
