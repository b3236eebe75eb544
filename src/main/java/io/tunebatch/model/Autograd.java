package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Gradient recording for the current thread. DJL's GradientCollector allows one collector per JVM
 * (a static flag), although libtorch's grad mode is thread-local; going to JniUtils directly lets
 * trainers on different threads (one per GPU) record at the same time.
 */
final class Autograd implements AutoCloseable {

    private final boolean previous;

    private Autograd() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    static Autograd record() {
        return new Autograd();
    }

    void backward(NDArray scalarLoss) {
        NDArray seed = scalarLoss.onesLike();
        JniUtils.backward((PtNDArray) scalarLoss, (PtNDArray) seed, false, false);
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
