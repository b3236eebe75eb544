package io.tunebatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamWTest {

    @Test
    void firstStepMovesEachWeightByTheLearningRateAfterDecayAndReportsTheUnclippedNorm() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray weight = manager.create(new float[] {1, 2});
            weight.setRequiresGradient(true);
            try (Autograd autograd = Autograd.record()) {
                autograd.backward(weight.mul(manager.create(new float[] {3, -1})).sum());
            }
            TrainingSettings settings = TrainingSettings.defaults().withOptimizer(0.1, 0.01, LearningRateSchedule.CONSTANT, 0);
            try (AdamW optimizer = new AdamW(settings, Map.of("w", weight), Device.cpu())) {
                double norm = optimizer.step(0.1);
                assertThat(norm).isCloseTo(Math.sqrt(10), offset(1e-6));
                // t=1: m/sqrt(v) = sign(g) whatever the clip factor; decay first: w(1 - lr*wd)
                float[] updated = weight.toFloatArray();
                assertThat(updated[0]).isCloseTo(1 * 0.999f - 0.1f, offset(1e-6f));
                assertThat(updated[1]).isCloseTo(2 * 0.999f + 0.1f, offset(1e-6f));
                assertThat(weight.getGradient().toFloatArray()).containsExactly(0f, 0f);
                // the first moment holds (1 - beta1) x the clipped gradient, clip = 1 / norm
                float[] firstMoment = optimizer.moments().get("m.w").values();
                assertThat(firstMoment[0]).isCloseTo((float) (0.1 * 3 / Math.sqrt(10)), offset(1e-6f));
                assertThat(firstMoment[1]).isCloseTo((float) (0.1 * -1 / Math.sqrt(10)), offset(1e-6f));
            }
        }
    }
}
