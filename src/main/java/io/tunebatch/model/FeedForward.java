package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;

/** The SiLU-gated MLP: {@code down(silu(gate(x)) * up(x))}, gate and up as one projection. */
final class FeedForward {

    private final Projection gateUp;
    private final Projection down;
    private final long intermediate;

    FeedForward(Projection gateUp, Projection down, long intermediate) {
        this.gateUp = gateUp;
        this.down = down;
        this.intermediate = intermediate;
    }

    NDArray forward(NDArray x, ForwardPass pass) {
        NDList halves = gateUp.apply(x, pass).split(new long[] {intermediate}, x.getShape().dimension() - 1);
        NDArray gated = halves.get(0);
        // silu written out: DJL's swish multiplies by a Java-buffer scalar (see Scalars)
        NDArray activated = gated.mul(Activation.sigmoid(gated));
        return down.apply(activated.mul(halves.get(1)), pass);
    }
}
