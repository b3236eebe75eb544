package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The SiLU-gated MLP: {@code down(silu(gate(x)) * up(x))}. */
final class FeedForward {

    private final Projection gate;
    private final Projection up;
    private final Projection down;

    FeedForward(Projection gate, Projection up, Projection down) {
        this.gate = gate;
        this.up = up;
        this.down = down;
    }

    NDArray forward(NDArray x, ForwardPass pass) {
        NDArray gated = gate.apply(x, pass);
        // silu written out: DJL's swish multiplies by a Java-buffer scalar (see Scalars)
        NDArray activated = gated.mul(Activation.sigmoid(gated));
        return down.apply(activated.mul(up.apply(x, pass)), pass);
    }
}
