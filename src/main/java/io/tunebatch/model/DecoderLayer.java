package io.tunebatch.model;

import ai.djl.ndarray.NDArray;

/** Pre-norm residual block: attention, then the MLP. */
final class DecoderLayer {

    private final RmsNorm inputNorm;
    private final Attention attention;
    private final RmsNorm postAttentionNorm;
    private final FeedForward feedForward;

    DecoderLayer(RmsNorm inputNorm, Attention attention, RmsNorm postAttentionNorm, FeedForward feedForward) {
        this.inputNorm = inputNorm;
        this.attention = attention;
        this.postAttentionNorm = postAttentionNorm;
        this.feedForward = feedForward;
    }

    NDArray forward(NDArray x, ForwardPass pass) {
        NDArray afterAttention = x.add(attention.forward(inputNorm.apply(x), pass));
        return afterAttention.add(feedForward.forward(postAttentionNorm.apply(afterAttention), pass));
    }
}
