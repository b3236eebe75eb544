package io.tunebatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelConfigTest {

    @TempDir
    Path temp;

    private Path config(String json) throws Exception {
        Files.writeString(temp.resolve("config.json"), json);
        return temp;
    }

    @Test
    void unknownArchitectureIsAClearError() throws Exception {
        Path dir = config("{\"architectures\":[\"GPT2LMHeadModel\"],\"vocab_size\":10}");
        assertThatThrownBy(() -> ModelConfig.load(dir))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(dir.resolve("config.json").toString())
                .hasMessageContaining("'GPT2LMHeadModel'")
                .hasMessageContaining("LlamaForCausalLM, Qwen2ForCausalLM, MistralForCausalLM");
    }

    @Test
    void missingFieldIsNamed() throws Exception {
        Path dir = config("{\"architectures\":[\"LlamaForCausalLM\"],\"vocab_size\":10,\"num_attention_heads\":2}");
        assertThatThrownBy(() -> ModelConfig.load(dir))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("field hidden_size must be a positive integer, found nothing");
    }

    @Test
    void readsLlama3RopeScalingInTransformers4Layout() throws Exception {
        ModelConfig v5 = ModelConfig.load(Path.of("src/test/resources/golden/llama"));
        String v4 = Files.readString(Path.of("src/test/resources/golden/llama/config.json"))
                .replace("\"rope_parameters\"", "\"rope_scaling\"")
                .replace("\"rope_theta\": 500000.0,", "")
                .replace("\"vocab_size\"", "\"rope_theta\": 500000.0, \"vocab_size\"");
        ModelConfig fromV4 = ModelConfig.load(config(v4));
        assertThat(fromV4).isEqualTo(v5);
        assertThat(v5.ropeScaling().type()).isEqualTo("llama3");
        assertThat(v5.ropeTheta()).isEqualTo(500000.0);
        float[] scaled = Rope.inverseFrequencies(v5);
        // frequency 1 has wavelength 2π, between 16/4 and 16/1: blended, smooth = (16/2π - 1) / 3
        double smooth = (16 / (2 * Math.PI) - 1) / 3;
        assertThat((double) scaled[0]).isCloseTo((1 - smooth) / 8 + smooth, org.assertj.core.data.Offset.offset(1e-6));
        // the longest wavelength is beyond 16: slowed by the factor 8
        assertThat((double) scaled[scaled.length - 1])
                .isCloseTo(Math.pow(500000.0, -6.0 / 8) / 8, org.assertj.core.data.Percentage.withPercentage(1e-4));
    }

    @Test
    void unsupportedRopeTypeIsNamed() throws Exception {
        Path dir = config("{\"architectures\":[\"LlamaForCausalLM\"],\"vocab_size\":10,\"hidden_size\":8,"
                + "\"intermediate_size\":8,\"num_hidden_layers\":1,\"num_attention_heads\":2,"
                + "\"rope_scaling\":{\"rope_type\":\"yarn\",\"factor\":4}}");
        assertThatThrownBy(() -> ModelConfig.load(dir))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("rope_type is 'yarn'");
    }
}
