package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Dropout on the LoRA branch input with masks drawn in Java from a seed that depends only on
 * (run seed, step, micro-batch, layer, module). Unlike libtorch's global generator this needs no
 * saved RNG state to resume, and parallel trainers in one JVM cannot disturb each other.
 *
 * <p>Made cheap because it runs for every targeted module of every layer: the draws are counter-based
 * SplitMix64, branch-free, each 64-bit draw deciding two elements (32 bits each, so the rate is exact
 * to 2^-32); the mask crosses to libtorch as bytes through one reused direct buffer per thread (DJL
 * would otherwise allocate, zero and later garbage-collect a fresh direct buffer per mask) and is
 * widened to float natively, since a byte mask would send the multiply down libtorch's slow
 * mixed-type path; the 1 / (1 - rate) rescaling of kept elements is left to the caller
 * ({@link #keepScale()}), which folds it into the LoRA scaling on the narrow [.., r] middle. About
 * 200 us per [4, 64, 256] mask on CPU, against 750 us for libtorch's own dropout (see BENCHMARKS.md).
 */
final class LoraDropout {

    private static final double TWO_TO_32 = 4294967296.0;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final ThreadLocal<ByteBuffer> TRANSFER = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(0));

    private final double rate;
    private final long seed;

    LoraDropout(double rate, long runSeed, long step, int microBatch) {
        this.rate = rate;
        this.seed = mix(mix(runSeed, step), microBatch);
    }

    boolean active() {
        return rate > 0;
    }

    /** The factor that kept elements need, 1 / (1 - rate). */
    double keepScale() {
        return 1 / (1 - rate);
    }

    /** The input with dropped elements zeroed and kept ones unscaled. */
    NDArray apply(NDArray input, int layer, String module) {
        if (rate == 0) {
            return input;
        }
        long stream = mix(mix(seed, layer), Transformer.MODULES.indexOf(module));
        long threshold = (long) (rate * TWO_TO_32);
        int size = Math.toIntExact(input.getShape().size());
        byte[] keep = new byte[size + 1];
        for (int pair = 0; pair < (size + 1) / 2; pair++) {
            long bits = splitMix(stream + (pair + 1L) * GOLDEN_GAMMA);
            // 1 when the 32-bit draw is at or above the threshold, without a branch
            keep[2 * pair] = (byte) ((((bits >>> 32) - threshold) >>> 63) ^ 1);
            keep[2 * pair + 1] = (byte) ((((bits & 0xFFFFFFFFL) - threshold) >>> 63) ^ 1);
        }
        ByteBuffer transfer = transferBuffer(size);
        transfer.put(keep, 0, size).flip();
        // the byte array only wraps the reused buffer; the float mask is libtorch's own copy
        try (NDArray bytes = input.getManager().create(transfer, input.getShape(), DataType.UINT8)) {
            return input.mul(bytes.toType(DataType.FLOAT32, false));
        }
    }

    private static ByteBuffer transferBuffer(int size) {
        ByteBuffer buffer = TRANSFER.get();
        if (buffer.capacity() < size) {
            buffer = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
            TRANSFER.set(buffer);
        }
        return buffer.clear();
    }

    static long mix(long a, long b) {
        return splitMix(a * GOLDEN_GAMMA + b);
    }

    /** SplitMix64's finaliser (the generator behind SplittableRandom): draw i of a stream is splitMix(stream + i * gamma). */
    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
