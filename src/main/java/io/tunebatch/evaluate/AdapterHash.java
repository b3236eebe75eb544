package io.tunebatch.evaluate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a PEFT adapter: the SHA-256 of its weights file {@code adapter_model.safetensors}
 * (given the adapter folder or the file itself), the same value training records in
 * {@code training_run.adapter_sha256}, so registry, model card, MLflow and training agree.
 */
public final class AdapterHash {

    static final String WEIGHTS = "adapter_model.safetensors";

    private AdapterHash() {
    }

    public static String of(Path adapter) {
        Path weights = Files.isDirectory(adapter) ? adapter.resolve(WEIGHTS) : adapter;
        if (!Files.isRegularFile(weights)) {
            throw new IllegalArgumentException("adapter " + adapter + " has no " + WEIGHTS
                    + "; pass a PEFT adapter folder (adapter_config.json, adapter_model.safetensors)");
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(weights), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash adapter " + weights, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
