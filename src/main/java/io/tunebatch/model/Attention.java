package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Grouped-query self-attention: several query heads share one key/value head. Queries, keys and
 * values come from one projection, queries and keys are rotated together, and each key/value head is
 * read by its group of query heads without copying it per head: the group's queries are stacked along
 * the sequence axis instead ([batch, kvHeads, groups * length, headDim]), which the mask repeats for.
 */
final class Attention {

    private final int layer;
    private final int heads;
    private final int kvHeads;
    private final int headDim;
    private final Projection queryKeyValue;
    private final Projection output;

    Attention(int layer, ModelConfig config, Projection queryKeyValue, Projection output) {
        this.layer = layer;
        this.heads = config.numHeads();
        this.kvHeads = config.numKeyValueHeads();
        this.headDim = config.headDim();
        this.queryKeyValue = queryKeyValue;
        this.output = output;
    }

    NDArray forward(NDArray x, ForwardPass pass) {
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        NDList split = queryKeyValue.apply(x, pass)
                .reshape(batch, length, heads + 2L * kvHeads, headDim)
                .transpose(0, 2, 1, 3)
                .split(new long[] {heads + kvHeads}, 1);
        NDList rotated = Rope.apply(split.get(0), pass.rope()).split(new long[] {heads}, 1);
        NDArray q = rotated.get(0);
        NDArray k = rotated.get(1);
        NDArray v = split.get(1);
        if (pass.cache() != null) {
            NDList all = pass.cache().append(layer, k, v);
            k = all.get(0);
            v = all.get(1);
        }
        long groups = heads / kvHeads;
        // query head h reads key/value head h / groups; 1/sqrt(headDim) is already in q (see Rope)
        NDArray scores = q.reshape(batch, kvHeads, groups * length, headDim).matMul(k.transpose(0, 1, 3, 2));
        if (pass.mask() != null) {
            scores = scores.add(pass.mask());
        }
        NDArray context = scores.softmax(3).matMul(v)
                .reshape(batch, heads, length, headDim)
                .transpose(0, 2, 1, 3)
                .reshape(batch, length, (long) heads * headDim);
        return output.apply(context, pass);
    }
}
