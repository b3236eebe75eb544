package io.tunebatch.model;

import ai.djl.ndarray.NDArray;

/** Root-mean-square layer norm, like transformers' LlamaRMSNorm. */
final class RmsNorm {

    private final NDArray weight;
    private final double epsilon;

    RmsNorm(NDArray weight, double epsilon) {
        this.weight = weight;
        this.epsilon = epsilon;
    }

    NDArray apply(NDArray x) {
        int last = x.getShape().dimension() - 1;
        NDArray meanSquare = x.square().mean(new int[] {last}, true);
        NDArray normalized = x.div(meanSquare.add(Scalars.of(x.getManager(), epsilon)).sqrt());
        return normalized.mul(Precision.widen(weight, x.getManager()));
    }
}
