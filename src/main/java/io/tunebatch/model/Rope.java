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

    /**
     * cos and signed-sin tables [heads + kvHeads, length, headDim] for positions start .. start+length-1,
     * to rotate queries and keys together (see {@link #apply}). The query heads' rows carry the attention
     * score factor 1/sqrt(headDim), so the scores need no scaling of their own; the sin table's first
     * half is negated, so rotate_half becomes a swap of the halves.
     */
    NDList tables(NDManager manager, int start, int length, int queryHeads, int keyHeads) {
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
                sin[row + i] = -s;
                sin[row + half + i] = s;
            }
        }
        float[] headFactors = new float[queryHeads + keyHeads];
        java.util.Arrays.fill(headFactors, 0, queryHeads, (float) (1 / Math.sqrt(half * 2)));
        java.util.Arrays.fill(headFactors, queryHeads, headFactors.length, 1f);
        Shape shape = new Shape(length, half * 2);
        NDArray factors = manager.create(headFactors, new Shape(headFactors.length, 1, 1));
        return new NDList(factors.mul(manager.create(cos, shape)), factors.mul(manager.create(sin, shape)));
    }

    /**
     * Rotates queries and keys [batch, heads + kvHeads, length, headDim] by the tables from
     * {@link #tables}: {@code x * cos + rotate_half(x) * sin}, as Hugging Face does, with the sign of
     * rotate_half in the table.
     */
    static NDArray apply(NDArray x, NDList tables) {
        long half = x.getShape().get(3) / 2;
        NDList halves = x.split(new long[] {half}, 3);
        NDArray swapped = NDArrays.concat(new NDList(halves.get(1), halves.get(0)), 3);
        return x.mul(tables.get(0)).add(swapped.mul(tables.get(1)));
    }
}
