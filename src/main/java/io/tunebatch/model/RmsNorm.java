package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Root-mean-square layer norm, computed in float32 like transformers' LlamaRMSNorm. */
final class RmsNorm {

    private final NDArray weight;
    private final double epsilon;

    RmsNorm(NDArray weight, double epsilon) {
        this.weight = weight;
        this.epsilon = epsilon;
    }

    NDArray apply(NDArray x) {
        NDArray wide = x.toType(DataType.FLOAT32, false);
        int last = x.getShape().dimension() - 1;
        NDArray meanSquare = wide.square().mean(new int[] {last}, true);
        NDArray normalized = wide.div(meanSquare.add(Scalars.of(x.getManager(), epsilon)).sqrt());
        return normalized.toType(x.getDataType(), false).mul(weight);
    }
}
