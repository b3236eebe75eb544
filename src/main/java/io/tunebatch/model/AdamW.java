package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Map;
import java.util.TreeMap;

/**
 * AdamW (decoupled weight decay, bias-corrected moments) over the LoRA weights, with global-norm
 * gradient clipping, through DJL's fused libtorch kernel. It adds epsilon to sqrt(v) before the bias
 * correction of the step size (the Adam paper's efficient form), so it differs from torch.optim.AdamW
 * only in epsilon being scaled by sqrt(1 - beta2^t). Its moments and step count are part of the resumable trainer state.
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
            NDList squares = new NDList();
            for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
                NDArray gradient = entry.getValue().getGradient();
                gradient.attach(scratch);
                gradients.put(entry.getKey(), gradient);
                squares.add(gradient.square().sum());
            }
            double norm = Math.sqrt(NDArrays.stack(squares).sum().getFloat());
            double clip = settings.maxGradNorm() > 0 ? Math.min(1, settings.maxGradNorm() / (norm + 1e-6)) : 1;
            updates++;
            double correction1 = 1 - Math.pow(settings.beta1(), updates);
            double correction2 = 1 - Math.pow(settings.beta2(), updates);
            for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
                String name = entry.getKey();
                PtNDArray parameter = (PtNDArray) entry.getValue();
                // one fused libtorch call: decoupled decay, moments, bias-corrected step with
                // epsilon added to sqrt(v); the clip factor goes in as the gradient rescale
                JniUtils.adamUpdate(parameter, (PtNDArray) gradients.get(name), (PtNDArray) firstMoments.get(name),
                        (PtNDArray) secondMoments.get(name), (float) learningRate,
                        (float) (learningRate * Math.sqrt(correction2) / correction1), (float) settings.weightDecay(),
                        (float) clip, -1f, (float) settings.beta1(), (float) settings.beta2(),
                        (float) settings.epsilon(), true);
                JniUtils.zeroGrad(parameter);
            }
            return norm;
        }
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
