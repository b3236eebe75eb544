package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The trainable LoRA weights of one model: for each targeted projection, A [r, in] and B [out, r]
 * in float32, keyed by their PEFT names ({@code base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight}).
 */
public final class LoraAdapter implements AutoCloseable {

    /** A and B of one projection. */
    record Pair(NDArray a, NDArray b) {
    }

    private final LoraSettings settings;
    private final NDManager manager;
    private final Map<String, Pair> pairs;
    private final Map<String, NDArray> parameters;

    private LoraAdapter(LoraSettings settings, NDManager manager, Map<String, Pair> pairs) {
        this.settings = settings;
        this.manager = manager;
        this.pairs = pairs;
        Map<String, NDArray> byName = new TreeMap<>();
        pairs.forEach((projection, pair) -> {
            byName.put(peftName(projection, "lora_A"), pair.a());
            byName.put(peftName(projection, "lora_B"), pair.b());
        });
        this.parameters = Collections.unmodifiableMap(byName);
    }

    /**
     * Fresh weights as PEFT initialises them: A from kaiming_uniform(a=sqrt(5)), i.e. uniform in
     * ±1/sqrt(in), drawn from {@code seed}; B zero, so training starts from the base model.
     */
    public static LoraAdapter initialize(Transformer model, LoraSettings settings, long seed) {
        NDManager manager = NDManager.newBaseManager(model.device());
        Map<String, Pair> pairs = new TreeMap<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int layer = 0; layer < model.config().numLayers(); layer++) {
            for (String module : settings.targetModules()) {
                long[] shape = model.projectionShape(layer, module);
                float bound = (float) (1 / Math.sqrt(shape[1]));
                float[] a = new float[Math.toIntExact(settings.rank() * shape[1])];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (float) (random.nextDouble() * 2 - 1) * bound;
                }
                pairs.put(projectionKey(layer, module), new Pair(
                        manager.create(a, new Shape(settings.rank(), shape[1])),
                        manager.zeros(new Shape(shape[0], settings.rank()))));
            }
        }
        return new LoraAdapter(settings, manager, pairs);
    }

    /** Weights given by PEFT name, e.g. read back from a checkpoint or an adapter folder. */
    static LoraAdapter fromTensors(Transformer model, LoraSettings settings, Map<String, HostTensor> tensors,
                                   String source) {
        NDManager manager = NDManager.newBaseManager(model.device());
        try {
            Map<String, Pair> pairs = new TreeMap<>();
            for (int layer = 0; layer < model.config().numLayers(); layer++) {
                for (String module : settings.targetModules()) {
                    String key = projectionKey(layer, module);
                    long[] shape = model.projectionShape(layer, module);
                    NDArray a = tensor(tensors, peftName(key, "lora_A"), new long[] {settings.rank(), shape[1]},
                            source, manager);
                    NDArray b = tensor(tensors, peftName(key, "lora_B"), new long[] {shape[0], settings.rank()},
                            source, manager);
                    pairs.put(key, new Pair(a, b));
                }
            }
            return new LoraAdapter(settings, manager, pairs);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static NDArray tensor(Map<String, HostTensor> tensors, String name, long[] shape, String source,
                                  NDManager manager) {
        HostTensor tensor = tensors.get(name);
        if (tensor == null) {
            throw new CheckpointException(source + ": missing tensor " + name);
        }
        if (!Arrays.equals(tensor.shape(), shape)) {
            throw new CheckpointException(source + ": tensor " + name + " has shape "
                    + Arrays.toString(tensor.shape()) + ", the base model needs "
                    + Arrays.toString(shape));
        }
        return tensor.toNDArray(manager);
    }

    static String projectionKey(int layer, String module) {
        return layer + "." + module;
    }

    static String peftName(String projectionKey, String matrix) {
        int dot = projectionKey.indexOf('.');
        String layer = projectionKey.substring(0, dot);
        String module = projectionKey.substring(dot + 1);
        return "base_model.model.model.layers." + layer + "." + Transformer.MODULE_BLOCKS.get(module) + "."
                + module + "." + matrix + ".weight";
    }

    public LoraSettings settings() {
        return settings;
    }

    double scaling() {
        return settings.scaling();
    }

    Pair pair(int layer, String module) {
        return pairs.get(projectionKey(layer, module));
    }

    /** Trainable arrays by PEFT name, sorted. */
    Map<String, NDArray> parameters() {
        return parameters;
    }

    public long parameterCount() {
        return parameters.values().stream().mapToLong(p -> p.getShape().size()).sum();
    }

    /** A copy of the weights in Java memory, by PEFT name. */
    public Map<String, HostTensor> toHostTensors() {
        Map<String, HostTensor> copy = new TreeMap<>();
        parameters.forEach((name, array) -> copy.put(name, HostTensor.of(array)));
        return copy;
    }

    void requireGradients() {
        parameters.values().forEach(p -> p.setRequiresGradient(true));
    }

    @Override
    public void close() {
        manager.close();
    }
}
