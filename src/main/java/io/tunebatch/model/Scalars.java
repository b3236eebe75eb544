package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar constants created as native 0-d tensors. DJL's {@code mul(Number)} and friends wrap a
 * Java direct buffer that is freed while autograd still holds it, which corrupts gradients after
 * a GC (see djl-facts.md); every constant on a path that may be differentiated goes through here.
 */
final class Scalars {

    private Scalars() {
    }

    static NDArray of(NDManager manager, double value) {
        return manager.full(new Shape(), (float) value);
    }
}
