package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * Dropout on the LoRA branch input with masks drawn in Java from a seed that depends only on
 * (run seed, step, micro-batch, layer, module). Unlike libtorch's global generator this needs no
 * saved RNG state to resume, and parallel trainers in one JVM cannot disturb each other.
 */
final class LoraDropout {

    private final double rate;
    private final long seed;

    LoraDropout(double rate, long runSeed, long step, int microBatch) {
        this.rate = rate;
        this.seed = mix(mix(runSeed, step), microBatch);
    }

    NDArray apply(NDArray input, int layer, String module) {
        if (rate == 0) {
            return input;
        }
        SplittableRandom random = new SplittableRandom(mix(mix(seed, layer), Transformer.MODULES.indexOf(module)));
        float keep = (float) (1 / (1 - rate));
        float[] mask = new float[Math.toIntExact(input.getShape().size())];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() < rate ? 0f : keep;
        }
        return input.mul(input.getManager().create(mask, input.getShape()));
    }

    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
