package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding in the Hugging Face layout: the head dimension is split into halves
 * (not interleaved pairs), {@code x * cos + rotate_half(x) * sin}. Frequencies follow config.json's
 * rope_theta and rope_scaling (linear, or Llama 3's smooth low/high-frequency blend).
 */
final class Rope {

    private final float[] inverseFrequencies;

    Rope(ModelConfig config) {
        this.inverseFrequencies = inverseFrequencies(config);
    }

    static float[] inverseFrequencies(ModelConfig config) {
        int dim = config.headDim();
        float[] inverse = new float[dim / 2];
        for (int i = 0; i < inverse.length; i++) {
            float exponent = (float) (2 * i) / dim;
            inverse[i] = (float) (1.0 / (float) Math.pow(config.ropeTheta(), exponent));
        }
        ModelConfig.RopeScaling scaling = config.ropeScaling();
        switch (scaling.type()) {
            case "linear" -> {
                for (int i = 0; i < inverse.length; i++) {
                    inverse[i] = (float) (inverse[i] / scaling.factor());
                }
            }
            case "llama3" -> applyLlama3(inverse, scaling);
            default -> {
            }
        }
        return inverse;
    }

    /** transformers' _compute_llama3_parameters: long wavelengths slowed by factor, short kept, the middle blended. */
    private static void applyLlama3(float[] inverse, ModelConfig.RopeScaling scaling) {
        double oldContext = scaling.originalMaxPositionEmbeddings();
        double lowFreqWavelength = oldContext / scaling.lowFreqFactor();
        double highFreqWavelength = oldContext / scaling.highFreqFactor();
        for (int i = 0; i < inverse.length; i++) {
            double frequency = inverse[i];
            double wavelength = 2 * Math.PI / frequency;
            double scaled = wavelength > lowFreqWavelength ? frequency / scaling.factor() : frequency;
            boolean medium = !(wavelength < highFreqWavelength) && !(wavelength > lowFreqWavelength);
            if (medium) {
                double smooth = (oldContext / wavelength - scaling.lowFreqFactor())
                        / (scaling.highFreqFactor() - scaling.lowFreqFactor());
                scaled = (1 - smooth) * scaled / scaling.factor() + smooth * scaled;
            }
            inverse[i] = (float) scaled;
        }
    }

    /** cos and sin tables [length, headDim] for positions start .. start+length-1. */
    NDList tables(NDManager manager, int start, int length) {
        int half = inverseFrequencies.length;
        float[] cos = new float[length * half * 2];
        float[] sin = new float[length * half * 2];
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < half; i++) {
                float angle = (float) (start + t) * inverseFrequencies[i];
                float c = (float) Math.cos(angle);
                float s = (float) Math.sin(angle);
                int row = t * half * 2;
                cos[row + i] = c;
                cos[row + half + i] = c;
                sin[row + i] = s;
                sin[row + half + i] = s;
            }
        }
        Shape shape = new Shape(length, half * 2);
        return new NDList(manager.create(cos, shape), manager.create(sin, shape));
    }

    /** Rotates x [batch, heads, length, headDim] by the tables from {@link #tables}. */
    static NDArray apply(NDArray x, NDList tables) {
        long half = x.getShape().get(3) / 2;
        NDList halves = x.split(new long[] {half}, 3);
        NDArray rotated = NDArrays.concat(new NDList(halves.get(1).neg(), halves.get(0)), 3);
        return x.mul(tables.get(0)).add(rotated.mul(tables.get(1)));
    }
}
