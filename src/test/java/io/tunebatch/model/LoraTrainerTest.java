package io.tunebatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoraTrainerTest {

    @TempDir
    Path temp;

    private final List<StepMetrics> steps = new ArrayList<>();
    private final List<Integer> checkpoints = new ArrayList<>();
    private int crashAtStep = -1;

    private final TrainingListener listener = new TrainingListener() {
        @Override
        public void onStep(StepMetrics metrics) {
            if (metrics.step() == crashAtStep) {
                throw new IllegalStateException("simulated crash");
            }
            steps.add(metrics);
        }

        @Override
        public void onCheckpoint(int step, Path directory) {
            checkpoints.add(step);
        }
    };

    private TrainingRequest request(Path base, Path work) {
        TrainingSettings settings = TrainingSettings.defaults()
                .withLora(new LoraSettings(2, 4, 0.1, List.of("q_proj", "v_proj"), true))
                .withOptimizer(5e-3, 0.0, LearningRateSchedule.COSINE, 1)
                .withBatching(2, 1, 128)
                .withLength(2, 0)
                .withCheckpoints(2, 1.0);
        return new TrainingRequest(base, Device.cpu(), ToyData.examples(5), ToyData.examples(3), settings, work);
    }

    @Test
    void trainsCheckpointsEvaluatesAndWritesAPeftAdapter() throws Exception {
        Path base = temp.resolve("base");
        TinyCheckpoint.write(Architecture.LLAMA, base, 2, TinyCheckpoint.Dimensions.TEST);

        TrainingResult result = new LoraTrainer().train(request(base, temp.resolve("work")), listener);

        assertThat(result.steps()).isEqualTo(6); // 2 epochs x ceil(5 / 2)
        assertThat(steps).extracting(StepMetrics::step).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(checkpoints).containsExactly(2, 4, 6);
        assertThat(result.heldOutLoss()).isFinite().isPositive();
        assertThat(result.trainableParameters()).isEqualTo(2L * (2 * (32 + 32) + 2 * (32 + 16))); // layers x (q: r(in+out), v: r(in+kv out))
        try (Transformer model = Transformer.load(base, Device.cpu(), DataType.FLOAT32);
             LoraAdapter adapter = PeftAdapter.read(result.adapterDirectory(), model)) {
            assertThat(adapter.settings().rsLora()).isTrue();
            assertThat(adapter.settings().scaling()).isEqualTo(4 / Math.sqrt(2));
        }
        byte[] adapterBytes = Files.readAllBytes(result.adapterDirectory().resolve(PeftAdapter.WEIGHTS_FILE));

        // a run that dies after step 4's checkpoint, then is started again on its work directory
        steps.clear();
        crashAtStep = 5;
        Path crashed = temp.resolve("crashed");
        assertThatThrownBy(() -> new LoraTrainer().train(request(base, crashed), listener))
                .hasMessage("simulated crash");
        crashAtStep = -1;
        steps.clear();
        TrainingResult resumed = new LoraTrainer().train(request(base, crashed), listener);
        assertThat(resumed.resumedFromStep()).isEqualTo(4);
        assertThat(steps).extracting(StepMetrics::step).containsExactly(5, 6);
        assertThat(Files.readAllBytes(resumed.adapterDirectory().resolve(PeftAdapter.WEIGHTS_FILE)))
                .isEqualTo(adapterBytes);

        // started again after it finished: nothing left to do, same adapter
        steps.clear();
        TrainingResult again = new LoraTrainer().train(request(base, crashed), listener);
        assertThat(again.resumedFromStep()).isEqualTo(6);
        assertThat(steps).isEmpty();
        assertThat(Files.readAllBytes(again.adapterDirectory().resolve(PeftAdapter.WEIGHTS_FILE)))
                .isEqualTo(adapterBytes);
    }

    @Test
    void checkpointEveryZeroStepsTrainsWithoutCheckpoints() throws Exception {
        Path base = temp.resolve("base");
        TinyCheckpoint.write(Architecture.LLAMA, base, 2, TinyCheckpoint.Dimensions.TEST);
        TrainingRequest request = request(base, temp.resolve("work"));
        TrainingRequest never = new TrainingRequest(base, Device.cpu(), request.trainingExamples(), request.heldOutExamples(),
                request.settings().withCheckpoints(0, 1.0), request.workDirectory());

        TrainingResult result = new LoraTrainer().train(never, listener);

        assertThat(result.steps()).isEqualTo(6);
        assertThat(checkpoints).isEmpty();
        assertThat(result.adapterDirectory().resolve(PeftAdapter.WEIGHTS_FILE)).exists();
    }
}
