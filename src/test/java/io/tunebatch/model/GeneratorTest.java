package io.tunebatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {

    @TempDir
    static Path temp;
    static Path base;

    @BeforeAll
    static void writeBase() throws Exception {
        base = temp.resolve("mistral");
        TinyCheckpoint.write(Architecture.MISTRAL, base, 21, TinyCheckpoint.Dimensions.TEST);
        // a short sliding window, so the cached path has to apply it too
        Path config = base.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"sliding_window\" : null", "\"sliding_window\" : 4"));
    }

    static LanguageModel load() {
        return LanguageModel.load(base, Device.cpu(), DataType.FLOAT32);
    }

    @Test
    void cachedStepsGiveTheLogitsOfAFullForward() {
        long[] ids = {5, 77, 200, 31, 9, 120, 64, 3, 250, 18};
        try (LanguageModel model = load()) {
            assertThat(model.transformer().config().slidingWindow()).isEqualTo(4);
            Transformer transformer = model.transformer();
            float[] full = transformer.logits(new long[][] {ids}, null);
            int vocab = transformer.config().vocabSize();
            try (NDManager session = transformer.newCallManager();
                 KvCache cache = new KvCache(session, transformer.config().numLayers())) {
                int prefix = 4;
                long[] first = java.util.Arrays.copyOf(ids, prefix);
                float[] last = step(transformer, cache, first);
                assertClose(last, full, (prefix - 1) * vocab);
                for (int t = prefix; t < ids.length; t++) {
                    assertClose(step(transformer, cache, new long[] {ids[t]}), full, t * vocab);
                }
            }
        }
    }

    private static float[] step(Transformer transformer, KvCache cache, long[] input) {
        try (NDManager call = cache.newCallManager()) {
            ForwardPass pass = transformer.pass(call, cache.length(), input.length, null, null, cache);
            float[] logits = transformer.forward(call.create(new long[][] {input}), pass, true).toFloatArray();
            cache.advance(input.length);
            return logits;
        }
    }

    private static void assertClose(float[] actual, float[] full, int offset) {
        for (int i = 0; i < actual.length; i++) {
            assertThat(Math.abs(actual[i] - full[offset + i])).isLessThan(1e-5f);
        }
    }

    @Test
    void stopsAtMaxNewTokensOrAtAStopSequence() {
        try (LanguageModel model = load()) {
            Generator generator = new Generator(model, null);
            GenerationSettings sampling = new GenerationSettings(12, 1.0, 1.0, 1, List.of());
            Generation free = generator.generate("Hello", sampling);
            assertThat(free.stopReason()).isEqualTo("max_new_tokens");
            assertThat(free.tokenIds()).hasSize(12);
            assertThat(free.promptTokens()).isEqualTo(5);
            // random bytes: stop at the first ASCII letter or digit after the start (one byte, one token)
            int at = 1;
            while (!Character.isLetterOrDigit(free.text().charAt(at)) || free.text().charAt(at) > 127) {
                at++;
            }
            String stop = free.text().substring(at, at + 1);
            Generation stopped = generator.generate("Hello",
                    new GenerationSettings(12, 1.0, 1.0, 1, List.of(stop)));
            assertThat(stopped.stopReason()).isEqualTo("stop_sequence");
            assertThat(stopped.text()).isEqualTo(free.text().substring(0, free.text().indexOf(stop)));
        }
    }

    @Test
    void samplingIsReproducibleForASeed() {
        try (LanguageModel model = load()) {
            Generator generator = new Generator(model, null);
            GenerationSettings sampling = new GenerationSettings(16, 1.0, 0.95, 3, List.of());
            long[] first = generator.generate("Hi", sampling).tokenIds();
            assertThat(generator.generate("Hi", sampling).tokenIds()).isEqualTo(first);
            assertThat(generator.generate("Hi", new GenerationSettings(16, 1.0, 0.95, 4, List.of())).tokenIds())
                    .isNotEqualTo(first);
        }
    }

    @Test
    void topPKeepsOnlyTheNucleus() {
        float[] logits = {0f, 5f, 4.5f, -3f};
        SplittableRandom random = new SplittableRandom(1);
        GenerationSettings narrow = new GenerationSettings(1, 1.0, 0.5, 1, List.of());
        GenerationSettings nucleus = new GenerationSettings(1, 1.0, 0.9, 1, List.of());
        for (int i = 0; i < 200; i++) {
            assertThat(Generator.sample(logits, narrow, random)).isEqualTo(1);
            assertThat(Generator.sample(logits, nucleus, random)).isIn(1L, 2L);
        }
        assertThat(Generator.argmax(logits)).isEqualTo(1);
    }
}
