package io.tunebatch.model;

import ai.djl.ndarray.NDArray;

/** Root-mean-square layer norm, like transformers' LlamaRMSNorm. */
final class RmsNorm {

    private final NDArray weight;
    private final NDArray epsilon;

    /** The epsilon lives as a native constant beside the weight (see {@link Scalars}), made once, not per call. */
    RmsNorm(NDArray weight, double epsilon) {
        this.weight = weight;
        this.epsilon = Scalars.of(weight.getManager(), epsilon);
    }

    NDArray apply(NDArray x) {
        int last = x.getShape().dimension() - 1;
        NDArray meanSquare = x.square().mean(new int[] {last}, true);
        NDArray normalized = x.div(meanSquare.add(epsilon).sqrt());
        return normalized.mul(Precision.widen(weight, x.getManager()));
    }
}
