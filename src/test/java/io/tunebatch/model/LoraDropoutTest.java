package io.tunebatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class LoraDropoutTest {

    private static final Shape SHAPE = new Shape(3, 7, 1001); // odd element count: the last draw is half used

    @Test
    void dropsTheRateOfElementsLeavesTheRestUnscaledAndNamesTheKeepFactor() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            LoraDropout dropout = new LoraDropout(0.25, 42, 3, 0);
            float[] out = dropout.apply(manager.full(SHAPE, 2f), 1, "v_proj").toFloatArray();
            long dropped = 0;
            for (float value : out) {
                assertThat(value).isIn(0f, 2f);
                dropped += value == 0f ? 1 : 0;
            }
            // 21,021 Bernoulli(0.25) draws: the standard deviation of the fraction is 0.003
            assertThat((double) dropped / out.length).isCloseTo(0.25, offset(0.015));
            assertThat(dropout.keepScale()).isCloseTo(4.0 / 3, offset(1e-12));
        }
    }

    @Test
    void masksDependOnlyOnSeedStepMicroBatchLayerAndModule() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray ones = manager.ones(SHAPE);
            float[] mask = new LoraDropout(0.1, 7, 5, 1).apply(ones, 2, "q_proj").toFloatArray();
            assertThat(new LoraDropout(0.1, 7, 5, 1).apply(ones, 2, "q_proj").toFloatArray()).isEqualTo(mask);
            assertThat(new LoraDropout(0.1, 8, 5, 1).apply(ones, 2, "q_proj").toFloatArray()).isNotEqualTo(mask);
            assertThat(new LoraDropout(0.1, 7, 6, 1).apply(ones, 2, "q_proj").toFloatArray()).isNotEqualTo(mask);
            assertThat(new LoraDropout(0.1, 7, 5, 0).apply(ones, 2, "q_proj").toFloatArray()).isNotEqualTo(mask);
            assertThat(new LoraDropout(0.1, 7, 5, 1).apply(ones, 3, "q_proj").toFloatArray()).isNotEqualTo(mask);
            assertThat(new LoraDropout(0.1, 7, 5, 1).apply(ones, 2, "k_proj").toFloatArray()).isNotEqualTo(mask);
        }
    }

    @Test
    void zeroRateReturnsTheInputItself() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray input = manager.ones(SHAPE);
            LoraDropout dropout = new LoraDropout(0, 1, 1, 0);
            assertThat(dropout.active()).isFalse();
            assertThat(dropout.apply(input, 0, "q_proj")).isSameAs(input);
        }
    }
}
