package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/** Grouped-query self-attention: several query heads share one key/value head. */
final class Attention {

    private final int layer;
    private final ModelConfig config;
    private final Projection query;
    private final Projection key;
    private final Projection value;
    private final Projection output;

    Attention(int layer, ModelConfig config, Projection query, Projection key, Projection value, Projection output) {
        this.layer = layer;
        this.config = config;
        this.query = query;
        this.key = key;
        this.value = value;
        this.output = output;
    }

    NDArray forward(NDArray x, ForwardPass pass) {
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        int heads = config.numHeads();
        int kvHeads = config.numKeyValueHeads();
        int headDim = config.headDim();
        NDArray q = heads(query.apply(x, pass), batch, length, heads, headDim);
        NDArray k = heads(key.apply(x, pass), batch, length, kvHeads, headDim);
        NDArray v = heads(value.apply(x, pass), batch, length, kvHeads, headDim);
        q = Rope.apply(q, pass.rope());
        k = Rope.apply(k, pass.rope());
        if (pass.cache() != null) {
            NDList all = pass.cache().append(layer, k, v);
            k = all.get(0);
            v = all.get(1);
        }
        k = repeatKeyValueHeads(k, batch, heads, headDim);
        v = repeatKeyValueHeads(v, batch, heads, headDim);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2))
                .mul(Scalars.of(x.getManager(), 1.0 / Math.sqrt(headDim)));
        if (pass.mask() != null) {
            scores = scores.add(pass.mask());
        }
        NDArray probabilities = scores.softmax(3);
        NDArray context = probabilities.matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, (long) heads * headDim);
        return output.apply(context, pass);
    }

    private static NDArray heads(NDArray projected, long batch, long length, int heads, int headDim) {
        return projected.reshape(batch, length, heads, headDim).transpose(0, 2, 1, 3);
    }

    /** [batch, kvHeads, seq, dim] to [batch, heads, seq, dim], query head h reading kv head h / groups. */
    private NDArray repeatKeyValueHeads(NDArray kv, long batch, int heads, int headDim) {
        int groups = config.kvGroups();
        if (groups == 1) {
            return kv;
        }
        long sequence = kv.getShape().get(2);
        return kv.expandDims(2).repeat(2, groups).reshape(new Shape(batch, heads, sequence, headDim));
    }
}
