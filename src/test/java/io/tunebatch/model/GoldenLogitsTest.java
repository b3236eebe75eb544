package io.tunebatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Logits of tiny random checkpoints against Hugging Face transformers (fixtures: src/test/python/make_golden_fixtures.py). */
class GoldenLogitsTest {

    static Path golden(String name) {
        return Path.of("src/test/resources/golden").resolve(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama", "qwen2", "mistral"})
    void matchesTransformersWithin1e4(String arch) {
        SafetensorsFile expected = SafetensorsFile.open(golden(arch).resolve("expected.safetensors"));
        HostTensor ids = expected.read("input_ids");
        float[] reference = expected.read("logits").values();
        long[][] batch = new long[(int) ids.shape()[0]][(int) ids.shape()[1]];
        for (int b = 0; b < batch.length; b++) {
            for (int t = 0; t < batch[b].length; t++) {
                batch[b][t] = (long) ids.values()[b * batch[b].length + t];
            }
        }
        try (Transformer model = Transformer.load(golden(arch), Device.cpu(), DataType.FLOAT32)) {
            float[] logits = model.logits(batch, null);
            assertThat(logits).hasSize(reference.length);
            double maxDifference = 0;
            for (int i = 0; i < logits.length; i++) {
                maxDifference = Math.max(maxDifference, Math.abs(logits[i] - reference[i]));
            }
            assertThat(maxDifference).as("max |java - transformers|").isLessThan(1e-4);
        }
    }
}
