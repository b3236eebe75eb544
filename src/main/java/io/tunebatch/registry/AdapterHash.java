package io.tunebatch.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The identity of a PEFT adapter: for a file, the SHA-256 of its bytes; for a folder, the SHA-256
 * of the {@code sha256sum}-style listing of its regular files ({@code <hex>  <relative/path>\n},
 * sorted by path), so config and weights are both covered and the hash does not depend on where
 * the folder lives.
 */
public final class AdapterHash {

    private AdapterHash() {
    }

    public static String of(Path adapter) {
        try {
            if (Files.isRegularFile(adapter)) {
                return fileSha256(adapter);
            }
            if (!Files.isDirectory(adapter)) {
                throw new IllegalArgumentException("adapter " + adapter + " does not exist");
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(adapter)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("adapter folder " + adapter + " is empty");
            }
            StringBuilder listing = new StringBuilder();
            for (Path file : files) {
                listing.append(fileSha256(file)).append("  ").append(adapter.relativize(file).toString().replace('\\', '/')).append('\n');
            }
            return HexFormat.of().formatHex(digest().digest(listing.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash adapter " + adapter, e);
        }
    }

    private static String fileSha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
