package io.tunebatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU layout (FP16 base weights, FP32 LoRA weights, optimizer and loss) exercised on the CPU,
 * so that the dtype plumbing is checked where no GPU is available.
 */
class HalfPrecisionTest {

    @TempDir
    Path temp;

    @Test
    void fp16BaseWeightsGiveCloseLogitsAndTrainWithFp32Lora() throws Exception {
        Path golden = Path.of("src/test/resources/golden/llama");
        long[][] ids = {{3, 17, 99, 4, 120, 7}};
        float[] full;
        try (Transformer model = Transformer.load(golden, Device.cpu(), DataType.FLOAT32)) {
            full = model.logits(ids, null);
        }
        try (Transformer model = Transformer.load(golden, Device.cpu(), DataType.FLOAT16)) {
            float[] half = model.logits(ids, null);
            assertThat(PeftCompatibilityTest.maxDifference(half, full)).isLessThan(0.05);
        }

        TinyCheckpoint.write(Architecture.QWEN2, temp.resolve("base"), 3, TinyCheckpoint.Dimensions.TEST);
        TrainingSettings settings = TrainingSettings.defaults()
                .withLora(new LoraSettings(4, 8, 0.1, LoraSettings.DEFAULT_TARGETS, false))
                .withOptimizer(1e-2, 0, LearningRateSchedule.CONSTANT, 0)
                .withBatching(2, 1, 128)
                .withLength(1, 3);
        try (LanguageModel model = LanguageModel.load(temp.resolve("base"), Device.cpu(), DataType.FLOAT16);
             TrainingSession session = TrainingSession.open(model, ToyData.examples(4), settings, temp.resolve("c"))) {
            StepMetrics first = session.runStep();
            session.runStep();
            assertThat(first.loss()).isFinite().isPositive();
            assertThat(first.gradientNorm()).isFinite().isPositive();
            session.adapter().parameters().values()
                    .forEach(p -> assertThat(p.getDataType()).isEqualTo(DataType.FLOAT32));
            assertThat(session.evaluate(ToyData.examples(2))).isFinite();
            Generation generation = new Generator(model, session.adapter()).generate("Hi",
                    new GenerationSettings(4, 0.7, 0.9, 1, List.of()));
            assertThat(generation.tokenIds()).isNotEmpty();
        }
    }
}
