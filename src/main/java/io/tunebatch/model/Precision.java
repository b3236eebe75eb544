package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Weights may be stored in FP16 (on GPUs, to halve their memory) but all arithmetic runs in FP32:
 * DJL's {@code toType} runs under a NoGradGuard in libtorch ({@code torchTo}), so a cast on the
 * activation path would cut the gradient. Casting a frozen weight is harmless, so weights are
 * widened per use into the call's manager, and activations never change dtype.
 */
final class Precision {

    private Precision() {
    }

    /** The weight in FP32, as a temporary owned by {@code scratch} when a copy is needed. */
    static NDArray widen(NDArray weight, NDManager scratch) {
        if (weight == null || weight.getDataType() == DataType.FLOAT32) {
            return weight;
        }
        NDArray wide = weight.toType(DataType.FLOAT32, false);
        wide.attach(scratch);
        return wide;
    }
}
