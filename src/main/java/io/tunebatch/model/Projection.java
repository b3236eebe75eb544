package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.core.Linear;

/**
 * One linear layer of the decoder ({@code q_proj}, {@code down_proj}, ...): frozen base weight
 * [out, in] and optional bias, plus the LoRA branch {@code B·A·dropout(x)·scaling} when the
 * forward pass carries an adapter for it.
 */
final class Projection {

    private final int layer;
    private final String module;
    private final NDArray weight;
    private final NDArray bias;

    Projection(int layer, String module, NDArray weight, NDArray bias) {
        this.layer = layer;
        this.module = module;
        this.weight = weight;
        this.bias = bias;
    }

    NDArray apply(NDArray x, ForwardPass pass) {
        NDArray w = Precision.widen(weight, x.getManager());
        NDArray y = (bias == null ? Linear.linear(x, w)
                : Linear.linear(x, w, Precision.widen(bias, x.getManager()))).head();
        LoraAdapter.Pair lora = pass.adapter() == null ? null : pass.adapter().pair(layer, module);
        if (lora == null) {
            return y;
        }
        NDArray input = pass.dropout() == null ? x : pass.dropout().apply(x, layer, module);
        NDArray down = Linear.linear(input, lora.a()).head();
        NDArray delta = Linear.linear(down, lora.b()).head().mul(Scalars.of(x.getManager(), pass.adapter().scaling()));
        return y.add(delta);
    }

    long outFeatures() {
        return weight.getShape().get(0);
    }

    long inFeatures() {
        return weight.getShape().get(1);
    }
}
