package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Map;
import java.util.TreeMap;

/**
 * AdamW (decoupled weight decay, bias-corrected moments) over the LoRA weights, with global-norm
 * gradient clipping. Its moments and step count are part of the resumable trainer state.
 */
final class AdamW implements AutoCloseable {

    private final TrainingSettings settings;
    private final Map<String, NDArray> parameters;
    private final NDManager manager;
    private final Map<String, NDArray> firstMoments = new TreeMap<>();
    private final Map<String, NDArray> secondMoments = new TreeMap<>();
    private long updates;

    AdamW(TrainingSettings settings, Map<String, NDArray> parameters, ai.djl.Device device) {
        this.settings = settings;
        this.parameters = parameters;
        this.manager = NDManager.newBaseManager(device);
        parameters.forEach((name, p) -> {
            firstMoments.put(name, manager.zeros(p.getShape()));
            secondMoments.put(name, manager.zeros(p.getShape()));
        });
    }

    /** Clips the accumulated gradients to maxGradNorm, updates the weights, zeroes the gradients; returns the norm before clipping. */
    double step(double learningRate) {
        try (NDManager scratch = manager.newSubManager()) {
            Map<String, NDArray> gradients = new TreeMap<>();
            double squares = 0;
            for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
                NDArray gradient = entry.getValue().getGradient();
                gradient.attach(scratch);
                gradients.put(entry.getKey(), gradient);
                squares += gradient.square().sum().getFloat();
            }
            double norm = Math.sqrt(squares);
            double clip = settings.maxGradNorm() > 0 ? settings.maxGradNorm() / (norm + 1e-6) : 1;
            updates++;
            double correction1 = 1 - Math.pow(settings.beta1(), updates);
            double correction2 = 1 - Math.pow(settings.beta2(), updates);
            for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
                String name = entry.getKey();
                NDArray parameter = entry.getValue();
                NDArray gradient = gradients.get(name);
                if (clip < 1) {
                    gradient = gradient.mul(Scalars.of(scratch, clip));
                }
                NDArray m = firstMoments.get(name);
                NDArray v = secondMoments.get(name);
                m.muli(Scalars.of(scratch, settings.beta1())).addi(gradient.mul(Scalars.of(scratch, 1 - settings.beta1())));
                v.muli(Scalars.of(scratch, settings.beta2()))
                        .addi(gradient.square().mul(Scalars.of(scratch, 1 - settings.beta2())));
                if (settings.weightDecay() > 0) {
                    parameter.muli(Scalars.of(scratch, 1 - learningRate * settings.weightDecay()));
                }
                NDArray denominator = temporary(v.sqrt(), scratch).div(Scalars.of(scratch, Math.sqrt(correction2)))
                        .add(Scalars.of(scratch, settings.epsilon()));
                parameter.subi(temporary(m.div(denominator), scratch)
                        .mul(Scalars.of(scratch, learningRate / correction1)));
                JniUtils.zeroGrad((PtNDArray) parameter);
            }
            return norm;
        }
    }

    /** Results of ops on long-lived arrays join their manager; move them to the step's scratch one. */
    private static NDArray temporary(NDArray array, NDManager scratch) {
        array.attach(scratch);
        return array;
    }

    long updates() {
        return updates;
    }

    /** Moments by "m." / "v." + parameter name, for the trainer checkpoint. */
    Map<String, HostTensor> moments() {
        Map<String, HostTensor> state = new TreeMap<>();
        firstMoments.forEach((name, m) -> state.put("m." + name, HostTensor.of(m)));
        secondMoments.forEach((name, v) -> state.put("v." + name, HostTensor.of(v)));
        return state;
    }

    void restore(Map<String, HostTensor> state, long updateCount, String source) {
        for (String name : parameters.keySet()) {
            copyInto(firstMoments.get(name), state.get("m." + name), "m." + name, source);
            copyInto(secondMoments.get(name), state.get("v." + name), "v." + name, source);
        }
        updates = updateCount;
    }

    private static void copyInto(NDArray target, HostTensor value, String name, String source) {
        if (value == null || value.size() != target.getShape().size()) {
            throw new CheckpointException(source + ": optimizer state " + name + " is missing or has the wrong size");
        }
        target.set(value.values());
    }

    @Override
    public void close() {
        manager.close();
    }
}
