package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.List;
import java.util.Objects;

/**
 * The linear modules of a decoder layer that read the same input ({@code q_proj/k_proj/v_proj},
 * {@code gate_proj/up_proj}, or one alone), computed as one matrix multiply over their stacked frozen
 * weights [sum of out, in] (one larger GEMM forward and one input gradient backward instead of one per
 * module), plus each module's LoRA branch {@code B·(A·dropout(x))·scaling} when the forward pass
 * carries an adapter for it.
 */
final class Projection {

    private final int layer;
    private final List<String> modules;
    private final long[] outFeatures;
    private final NDArray weight;
    private final NDArray bias;

    /**
     * @param outFeatures each module's rows of {@code weight}, in the order of {@code modules}
     * @param bias        the modules' biases stacked like the weight, or null
     */
    Projection(int layer, List<String> modules, long[] outFeatures, NDArray weight, NDArray bias) {
        this.layer = layer;
        this.modules = List.copyOf(modules);
        this.outFeatures = outFeatures.clone();
        this.weight = weight;
        this.bias = bias;
    }

    /** The modules' outputs side by side along the last axis, in module order. */
    NDArray apply(NDArray x, ForwardPass pass) {
        NDArray w = Precision.widen(weight, x.getManager());
        NDArray y = (bias == null ? Linear.linear(x, w)
                : Linear.linear(x, w, Precision.widen(bias, x.getManager()))).head();
        if (pass.adapter() == null) {
            return y;
        }
        List<LoraAdapter.Pair> pairs = modules.stream().map(module -> pass.adapter().pair(layer, module)).toList();
        if (pairs.stream().allMatch(Objects::isNull)) {
            return y;
        }
        NDList deltas = new NDList(modules.size());
        for (int i = 0; i < modules.size(); i++) {
            deltas.add(pairs.get(i) == null ? x.getManager().zeros(outputShape(x, outFeatures[i]))
                    : loraDelta(x, modules.get(i), pairs.get(i), pass));
        }
        int last = x.getShape().dimension() - 1;
        return y.add(deltas.size() == 1 ? deltas.head() : NDArrays.concat(deltas, last));
    }

    /** B·(A·dropout(x)), with the LoRA scaling (and the dropout's keep rescaling) on the narrow [.., r] middle. */
    private NDArray loraDelta(NDArray x, String module, LoraAdapter.Pair lora, ForwardPass pass) {
        NDArray input = pass.dropout() == null ? x : pass.dropout().apply(x, layer, module);
        NDArray down = Linear.linear(input, lora.a()).head().mul(pass.loraScale());
        return Linear.linear(down, lora.b()).head();
    }

    private static Shape outputShape(NDArray x, long features) {
        Shape shape = x.getShape();
        return shape.slice(0, shape.dimension() - 1).add(features);
    }
}
