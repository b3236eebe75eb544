package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/** Rotated keys and values of the positions seen so far, per layer, for incremental decoding. */
final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private int length;

    KvCache(NDManager parent, int layers) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Appends this call's keys/values [batch, kvHeads, length, headDim]; returns all of them. */
    NDList append(int layer, NDArray key, NDArray value) {
        keys[layer] = concat(keys[layer], key);
        values[layer] = concat(values[layer], value);
        return new NDList(keys[layer], values[layer]);
    }

    private NDArray concat(NDArray previous, NDArray next) {
        NDArray joined = previous == null ? next.duplicate() : NDArrays.concat(new NDList(previous, next), 2);
        joined.attach(manager);
        if (previous != null) {
            previous.close();
        }
        return joined;
    }

    /** A manager for one decoding step's intermediates; the cache's own arrays outlive it. */
    NDManager newCallManager() {
        return manager.getParentManager().newSubManager();
    }

    /** Positions cached so far. */
    int length() {
        return length;
    }

    void advance(int tokens) {
        length += tokens;
    }

    @Override
    public void close() {
        manager.close();
    }
}
