package io.tunebatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSessionTest {

    @TempDir
    static Path shared;
    @TempDir
    Path temp;

    static Path base;

    static final TrainingSettings SETTINGS = TrainingSettings.defaults()
            .withLora(new LoraSettings(4, 8, 0.1, List.of("q_proj", "v_proj", "down_proj"), false))
            .withOptimizer(1e-2, 0.01, LearningRateSchedule.COSINE, 2)
            .withBatching(2, 2, 128)
            .withLength(1, 6)
            .withCheckpoints(0, 1.0);

    @BeforeAll
    static void writeBase() throws Exception {
        base = shared.resolve("base");
        TinyCheckpoint.write(Architecture.QWEN2, base, 11, TinyCheckpoint.Dimensions.TEST);
    }

    static LanguageModel load() {
        return LanguageModel.load(base, Device.cpu(), DataType.FLOAT32);
    }

    private byte[] trainStraight(TrainingSettings settings, Path dir) throws Exception {
        try (LanguageModel model = load();
             TrainingSession session = TrainingSession.open(model, ToyData.examples(10), settings, dir.resolve("ckpt"))) {
            while (!session.finished()) {
                session.runStep();
            }
            PeftAdapter.write(session.adapter(), dir.resolve("adapter"), "base");
        }
        return Files.readAllBytes(dir.resolve("adapter").resolve(PeftAdapter.WEIGHTS_FILE));
    }

    @Test
    void sameSeedGivesByteIdenticalAdapterAndAnotherSeedDoesNot() throws Exception {
        byte[] first = trainStraight(SETTINGS, temp.resolve("a"));
        byte[] second = trainStraight(SETTINGS, temp.resolve("b"));
        byte[] otherSeed = trainStraight(SETTINGS.withSeed(7), temp.resolve("c"));
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void resumingFromACheckpointEndsWithTheSameAdapterAsAStraightRun() throws Exception {
        byte[] straight = trainStraight(SETTINGS, temp.resolve("straight"));
        Path resumed = temp.resolve("resumed");
        try (LanguageModel model = load();
             TrainingSession session = TrainingSession.open(model, ToyData.examples(10), SETTINGS, resumed.resolve("ckpt"))) {
            for (int i = 0; i < 3; i++) {
                session.runStep();
            }
            session.saveCheckpoint();
            session.runStep(); // lost: made after the checkpoint, as if the process died here
        }
        try (LanguageModel model = load();
             TrainingSession session = TrainingSession.open(model, ToyData.examples(10), SETTINGS, resumed.resolve("ckpt"))) {
            assertThat(session.resumedFromStep()).isEqualTo(3);
            while (!session.finished()) {
                session.runStep();
            }
            PeftAdapter.write(session.adapter(), resumed.resolve("adapter"), "base");
        }
        assertThat(Files.readAllBytes(resumed.resolve("adapter").resolve(PeftAdapter.WEIGHTS_FILE))).isEqualTo(straight);
    }

    @Test
    void twoRunsOnTwoThreadsGiveTheAdaptersTheyGiveAlone() throws Exception {
        byte[] first = trainStraight(SETTINGS, temp.resolve("alone-1"));
        byte[] second = trainStraight(SETTINGS.withSeed(9), temp.resolve("alone-2"));
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var parallelFirst = threads.submit(() -> trainStraight(SETTINGS, temp.resolve("parallel-1")));
            var parallelSecond = threads.submit(() -> trainStraight(SETTINGS.withSeed(9), temp.resolve("parallel-2")));
            assertThat(parallelFirst.get()).isEqualTo(first);
            assertThat(parallelSecond.get()).isEqualTo(second);
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void refusesToResumeWithOtherSettings() throws Exception {
        Path dir = temp.resolve("ckpt");
        try (LanguageModel model = load();
             TrainingSession session = TrainingSession.open(model, ToyData.examples(10), SETTINGS, dir)) {
            session.runStep();
            session.saveCheckpoint();
        }
        try (LanguageModel model = load()) {
            assertThatThrownBy(() -> TrainingSession.open(model, ToyData.examples(10), SETTINGS.withSeed(1), dir))
                    .isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("other settings or other training data");
        }
    }

    @Test
    void lossFallsOnTheToyTask() throws Exception {
        TrainingSettings settings = SETTINGS.withLength(1, 20).withOptimizer(1e-2, 0, LearningRateSchedule.CONSTANT, 0)
                .withLora(new LoraSettings(8, 16, 0, Transformer.MODULES, false));
        List<StepMetrics> metrics = new ArrayList<>();
        try (LanguageModel model = load();
             TrainingSession session = TrainingSession.open(model, ToyData.examples(8), settings, temp.resolve("c"))) {
            double before = session.evaluate(ToyData.examples(8));
            while (!session.finished()) {
                metrics.add(session.runStep());
            }
            double after = session.evaluate(ToyData.examples(8));
            // the frozen random lm_head caps how confident the tiny model can get; 0.3 nats is well clear of noise
            assertThat(after).isLessThan(before - 0.3);
        }
        assertThat(metrics).hasSize(20);
        assertThat(metrics.get(0).tokensPerSecond()).isPositive();
        assertThat(metrics.get(0).gradientNorm()).isPositive();
    }

    @Test
    void accumulatingTwoMicroBatchesEqualsOneBatchOfFour() throws Exception {
        TrainingSettings noDropout = SETTINGS.withLora(new LoraSettings(4, 8, 0, LoraSettings.DEFAULT_TARGETS, false))
                .withLength(1, 3);
        Map<String, HostTensor> accumulated = trainedWeights(noDropout.withBatching(2, 2, 128), temp.resolve("acc"));
        Map<String, HostTensor> single = trainedWeights(noDropout.withBatching(4, 1, 128), temp.resolve("one"));
        assertThat(accumulated.keySet()).isEqualTo(single.keySet());
        accumulated.forEach((name, tensor) -> {
            float[] other = single.get(name).values();
            for (int i = 0; i < other.length; i++) {
                assertThat(tensor.values()[i]).as(name).isCloseTo(other[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
        });
    }

    private Map<String, HostTensor> trainedWeights(TrainingSettings settings, Path dir) throws Exception {
        try (LanguageModel model = load();
             TrainingSession session = TrainingSession.open(model, ToyData.examples(12), settings, dir)) {
            while (!session.finished()) {
                session.runStep();
            }
            return session.adapter().toHostTensors();
        }
    }
}
