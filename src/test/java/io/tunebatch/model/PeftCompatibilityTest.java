package io.tunebatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java-trained adapter as Hugging Face PEFT sees it: expected.safetensors holds the logits that
 * transformers + peft computed for base + adapter (src/test/python/check_peft_adapter.py).
 */
class PeftCompatibilityTest {

    static final Path ROOT = Path.of("src/test/resources/golden/peft");

    @TempDir
    Path temp;

    @Test
    void javaLogitsWithTheAdapterMatchPeft() {
        SafetensorsFile expected = SafetensorsFile.open(ROOT.resolve("expected.safetensors"));
        long[][] ids = ids(expected.read("input_ids"));
        try (Transformer model = Transformer.load(ROOT.resolve("base"), Device.cpu(), DataType.FLOAT32);
             LoraAdapter adapter = PeftAdapter.read(ROOT.resolve("adapter"), model)) {
            assertThat(maxDifference(model.logits(ids, adapter), expected.read("logits").values())).isLessThan(1e-4);
            assertThat(maxDifference(model.logits(ids, null), expected.read("base_logits").values())).isLessThan(1e-4);
            assertThat(maxDifference(model.logits(ids, adapter), expected.read("base_logits").values()))
                    .as("the adapter changes the logits").isGreaterThan(0.1);
        }
    }

    @Test
    void rewritingTheAdapterGivesTheSameFiles() throws Exception {
        try (Transformer model = Transformer.load(ROOT.resolve("base"), Device.cpu(), DataType.FLOAT32);
             LoraAdapter adapter = PeftAdapter.read(ROOT.resolve("adapter"), model)) {
            assertThat(adapter.settings()).isEqualTo(new LoraSettings(4, 16, 0.05,
                    List.of("q_proj", "v_proj", "o_proj", "up_proj"), false));
            PeftAdapter.write(adapter, temp, "src/test/resources/golden/peft/base");
        }
        for (String file : List.of(PeftAdapter.WEIGHTS_FILE, PeftAdapter.CONFIG_FILE)) {
            assertThat(Files.readAllBytes(temp.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(ROOT.resolve("adapter").resolve(file)));
        }
    }

    @Test
    void refusesAnAdapterWhoseShapesDoNotFitTheBase() throws Exception {
        Path otherBase = temp.resolve("other");
        TinyCheckpoint.write(Architecture.LLAMA, otherBase, 1,
                new TinyCheckpoint.Dimensions(272, 64, 64, 2, 4, 2));
        try (Transformer model = Transformer.load(otherBase, Device.cpu(), DataType.FLOAT32)) {
            assertThatThrownBy(() -> PeftAdapter.read(ROOT.resolve("adapter"), model))
                    .isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("adapter_model.safetensors")
                    .hasMessageContaining("lora_A.weight has shape [4, 32], the base model needs [4, 64]");
        }
    }

    static long[][] ids(HostTensor tensor) {
        long[][] ids = new long[(int) tensor.shape()[0]][(int) tensor.shape()[1]];
        for (int b = 0; b < ids.length; b++) {
            for (int t = 0; t < ids[b].length; t++) {
                ids[b][t] = (long) tensor.values()[b * ids[b].length + t];
            }
        }
        return ids;
    }

    static double maxDifference(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        double max = 0;
        for (int i = 0; i < actual.length; i++) {
            max = Math.max(max, Math.abs(actual[i] - expected[i]));
        }
        return max;
    }
}
