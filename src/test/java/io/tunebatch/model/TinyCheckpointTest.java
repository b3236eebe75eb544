package io.tunebatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TinyCheckpointTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void writesAFolderThatLoadsAndTokenizesOffline(Architecture architecture) throws Exception {
        Path dir = temp.resolve(architecture.modelType());
        TinyCheckpoint.write(architecture, dir, 7, TinyCheckpoint.Dimensions.TEST);
        try (LanguageModel model = LanguageModel.load(dir, Device.cpu(), DataType.FLOAT32)) {
            assertThat(model.transformer().config().architecture()).isEqualTo(architecture);
            long[] ids = model.tokenizer().encode("héllo</s>");
            assertThat(ids).containsExactly('h', 0xC3, 0xA9, 'l', 'l', 'o', 257);
            assertThat(model.tokenizer().decode(ids)).isEqualTo("héllo");
            assertThat(model.tokenizer().stopIds()).containsExactly(257L);
            assertThat(model.tokenizer().promptFormat()).isEqualTo(PromptFormat.ALPACA);
            float[] logits = model.transformer().logits(new long[][] {ids}, null);
            assertThat(logits).hasSize(ids.length * 272);
        }
    }

    @Test
    void sameSeedGivesSameBytes() throws Exception {
        TinyCheckpoint.write(Architecture.LLAMA, temp.resolve("a"), 3, TinyCheckpoint.Dimensions.TEST);
        TinyCheckpoint.write(Architecture.LLAMA, temp.resolve("b"), 3, TinyCheckpoint.Dimensions.TEST);
        TinyCheckpoint.write(Architecture.LLAMA, temp.resolve("c"), 4, TinyCheckpoint.Dimensions.TEST);
        byte[] a = Files.readAllBytes(temp.resolve("a/model.safetensors"));
        assertThat(Files.readAllBytes(temp.resolve("b/model.safetensors"))).isEqualTo(a);
        assertThat(Files.readAllBytes(temp.resolve("c/model.safetensors"))).isNotEqualTo(a);
    }
}
