package io.tunebatch.model;

import ai.djl.ndarray.NDArray;

/** Root-mean-square layer norm, like transformers' LlamaRMSNorm. */
final class RmsNorm {

    private final NDArray weight;
    private final NDArray epsilon;
    private final NDArray minusHalf;

    /** The constants live as native arrays beside the weight (see {@link Scalars}), made once, not per call. */
    RmsNorm(NDArray weight, double epsilon) {
        this.weight = weight;
        this.epsilon = Scalars.of(weight.getManager(), epsilon);
        this.minusHalf = Scalars.of(weight.getManager(), -0.5);
    }

    /** {@code x * rsqrt(mean(x²) + eps) * weight}: a multiply, not a divide, over the full activation, forward and backward. */
    NDArray apply(NDArray x) {
        int last = x.getShape().dimension() - 1;
        NDArray inverseRms = x.square().mean(new int[] {last}, true).add(epsilon).pow(minusHalf);
        return x.mul(inverseRms).mul(Precision.widen(weight, x.getManager()));
    }
}
