package io.tunebatch.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdapterHashTest {

    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void hashesTheWeightsFileGivenTheFolderOrTheFile() throws IOException {
        Files.writeString(dir.resolve("adapter_config.json"), "{\"r\": 8}");
        Path weights = Files.writeString(dir.resolve("adapter_model.safetensors"), "abc");

        assertThat(AdapterHash.of(dir)).isEqualTo(SHA256_OF_ABC);
        assertThat(AdapterHash.of(weights)).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void aFolderWithoutWeightsIsNotAnAdapter() {
        assertThatThrownBy(() -> AdapterHash.of(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no adapter_model.safetensors");
    }
}
