package io.tunebatch.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoder-only transformer (Llama, Qwen2, Mistral) with its weights on one device, stored in
 * FP32 or FP16, with all arithmetic in FP32 (see {@link Precision}). The base weights are never
 * trained; LoRA weights come in through {@link ForwardPass#adapter()}.
 */
public final class Transformer implements AutoCloseable {

    /** The projection modules of a decoder layer, in Hugging Face naming and a fixed order. */
    public static final List<String> MODULES = List.of("q_proj", "k_proj", "v_proj", "o_proj",
            "gate_proj", "up_proj", "down_proj");

    /** Each projection module and the block it sits in. */
    public static final Map<String, String> MODULE_BLOCKS = Map.of(
            "q_proj", "self_attn", "k_proj", "self_attn", "v_proj", "self_attn", "o_proj", "self_attn",
            "gate_proj", "mlp", "up_proj", "mlp", "down_proj", "mlp");

    private final ModelConfig config;
    private final NDManager manager;
    private final DataType dataType;
    private final NDArray embedding;
    private final List<DecoderLayer> layers;
    private final RmsNorm finalNorm;
    private final NDArray lmHead;
    private final Rope rope;
    private final Map<String, long[]> projectionShapes;

    private Transformer(ModelConfig config, NDManager manager, DataType dataType, NDArray embedding,
                        List<DecoderLayer> layers, RmsNorm finalNorm, NDArray lmHead,
                        Map<String, long[]> projectionShapes) {
        this.config = config;
        this.manager = manager;
        this.dataType = dataType;
        this.embedding = embedding;
        this.layers = layers;
        this.finalNorm = finalNorm;
        this.lmHead = lmHead;
        this.rope = new Rope(config);
        this.projectionShapes = projectionShapes;
    }

    /** Loads config.json and the safetensors weights of a model folder onto the device, in the given dtype. */
    public static Transformer load(Path modelDirectory, Device device, DataType dataType) {
        ModelConfig config = ModelConfig.load(modelDirectory);
        Checkpoint checkpoint = Checkpoint.open(modelDirectory);
        NDManager manager = NDManager.newBaseManager(device);
        try {
            Loader loader = new Loader(checkpoint, manager, dataType);
            List<DecoderLayer> layers = new ArrayList<>();
            Map<String, long[]> shapes = new LinkedHashMap<>();
            for (int i = 0; i < config.numLayers(); i++) {
                String prefix = "model.layers." + i + ".";
                for (String module : MODULES) {
                    shapes.put(i + "." + module, expectedShape(config, module));
                }
                long[] hidden = {config.hiddenSize()};
                layers.add(new DecoderLayer(
                        new RmsNorm(loader.tensor(prefix + "input_layernorm.weight", hidden), config.rmsNormEps()),
                        new Attention(i, config, loader.projection(config, i, List.of("q_proj", "k_proj", "v_proj")),
                                loader.projection(config, i, List.of("o_proj"))),
                        new RmsNorm(loader.tensor(prefix + "post_attention_layernorm.weight", hidden),
                                config.rmsNormEps()),
                        new FeedForward(loader.projection(config, i, List.of("gate_proj", "up_proj")),
                                loader.projection(config, i, List.of("down_proj")), config.intermediateSize())));
            }
            long[] vocabShape = {config.vocabSize(), config.hiddenSize()};
            NDArray embedding = loader.tensor("model.embed_tokens.weight", vocabShape);
            NDArray lmHead = config.tieWordEmbeddings() && !checkpoint.contains("lm_head.weight")
                    ? embedding : loader.tensor("lm_head.weight", vocabShape);
            RmsNorm finalNorm = new RmsNorm(loader.tensor("model.norm.weight", new long[] {config.hiddenSize()}),
                    config.rmsNormEps());
            return new Transformer(config, manager, dataType, embedding, List.copyOf(layers), finalNorm, lmHead,
                    Map.copyOf(shapes));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static long[] expectedShape(ModelConfig config, String module) {
        long hidden = config.hiddenSize();
        long queryWidth = (long) config.numHeads() * config.headDim();
        long kvWidth = (long) config.numKeyValueHeads() * config.headDim();
        return switch (module) {
            case "q_proj" -> new long[] {queryWidth, hidden};
            case "k_proj", "v_proj" -> new long[] {kvWidth, hidden};
            case "o_proj" -> new long[] {hidden, queryWidth};
            case "gate_proj", "up_proj" -> new long[] {config.intermediateSize(), hidden};
            default -> new long[] {hidden, config.intermediateSize()};
        };
    }

    private record Loader(Checkpoint checkpoint, NDManager manager, DataType dataType) {
        NDArray tensor(String name, long[] expectedShape) {
            return onDevice(checkpoint.read(name, expectedShape));
        }

        /** The weights (and biases, when the model has them) of modules that read the same input, stacked. */
        Projection projection(ModelConfig config, int layer, List<String> modules) {
            List<HostTensor> weights = new ArrayList<>();
            List<HostTensor> biases = new ArrayList<>();
            long[] outFeatures = new long[modules.size()];
            for (int m = 0; m < modules.size(); m++) {
                String module = modules.get(m);
                String name = "model.layers." + layer + "." + MODULE_BLOCKS.get(module) + "." + module;
                long[] shape = expectedShape(config, module);
                outFeatures[m] = shape[0];
                weights.add(checkpoint.read(name + ".weight", shape));
                boolean hasBias = switch (module) {
                    case "q_proj", "k_proj", "v_proj" -> config.attentionBias();
                    case "o_proj" -> config.outputBias();
                    default -> config.mlpBias();
                };
                if (hasBias) {
                    biases.add(checkpoint.read(name + ".bias", shape[0]));
                }
            }
            NDArray bias = biases.isEmpty() ? null : onDevice(stackRows(biases));
            return new Projection(layer, modules, outFeatures, onDevice(stackRows(weights)), bias);
        }

        private static HostTensor stackRows(List<HostTensor> parts) {
            if (parts.size() == 1) {
                return parts.get(0);
            }
            long[] shape = parts.get(0).shape().clone();
            shape[0] = parts.stream().mapToLong(p -> p.shape()[0]).sum();
            float[] values = new float[Math.toIntExact(parts.stream().mapToLong(HostTensor::size).sum())];
            int offset = 0;
            for (HostTensor part : parts) {
                System.arraycopy(part.values(), 0, values, offset, part.values().length);
                offset += part.values().length;
            }
            return new HostTensor(shape, values);
        }

        private NDArray onDevice(HostTensor host) {
            NDArray wide = host.toNDArray(manager);
            if (dataType == DataType.FLOAT32) {
                return wide;
            }
            NDArray narrow = wide.toType(dataType, false);
            wide.close();
            return narrow;
        }
    }

    public ModelConfig config() {
        return config;
    }

    public Device device() {
        return manager.getDevice();
    }

    public DataType dataType() {
        return dataType;
    }

    /** [out, in] of a projection, e.g. ("0", "q_proj"). */
    public long[] projectionShape(int layer, String module) {
        long[] shape = projectionShapes.get(layer + "." + module);
        if (shape == null) {
            throw new IllegalArgumentException("no projection " + module + " in layer " + layer);
        }
        return shape.clone();
    }

    /** A manager for one call's intermediate arrays, on the model's device. */
    NDManager newCallManager() {
        return manager.newSubManager();
    }

    /** Logits for a batch of equally long id sequences, [batch, length, vocab] flattened; no cache, no dropout. */
    public float[] logits(long[][] ids, LoraAdapter adapter) {
        try (NDManager call = manager.newSubManager()) {
            NDArray input = call.create(ids);
            ForwardPass pass = pass(call, 0, ids[0].length, adapter, null, null);
            return forward(input, pass, false).toFloatArray();
        }
    }

    /**
     * Logits [batch, length, vocab] for token ids [batch, length] placed at positions from cache length.
     * Intermediates go to the ids' manager; each layer's own temporaries are released when the layer is
     * done. Autograd keeps what backward needs, so the memory of the rest is reused while still in cache
     * instead of piling up until the call ends (which made elementwise ops about twice as slow).
     */
    NDArray forward(NDArray ids, ForwardPass pass, boolean lastPositionOnly) {
        NDManager intermediates = ids.getManager();
        NDArray hidden = embedding.get(intermediates, new NDIndex("{}", ids)).toType(DataType.FLOAT32, false);
        for (DecoderLayer layer : layers) {
            try (NDManager layerScope = intermediates.newSubManager()) {
                hidden.tempAttach(layerScope);
                NDArray output = layer.forward(hidden, pass);
                output.attach(intermediates);
                hidden = output;
            }
        }
        if (lastPositionOnly) {
            hidden = hidden.get(new NDIndex(":, -1:, :"));
        }
        return Linear.linear(finalNorm.apply(hidden), Precision.widen(lmHead, intermediates)).head();
    }

    /** The shared state for a forward call over {@code length} new tokens after {@code start} earlier ones. */
    ForwardPass pass(NDManager callManager, int start, int length, LoraAdapter adapter, LoraDropout dropout,
                     KvCache cache) {
        NDList tables = rope.tables(callManager, start, length, config.numHeads(), config.numKeyValueHeads());
        LoraDropout activeDropout = dropout != null && dropout.active() ? dropout : null;
        NDArray loraScale = adapter == null ? null : Scalars.of(callManager,
                adapter.scaling() * (activeDropout == null ? 1 : activeDropout.keepScale()));
        return new ForwardPass(callManager, tables, causalMask(callManager, start, length), adapter, activeDropout,
                loraScale, cache);
    }

    /**
     * 0 where query t (at position start+t) may see key j, -inf elsewhere, repeated for each query head
     * of a key/value group ([groups * length, start+length], see {@link Attention}); null when it sees all.
     */
    private NDArray causalMask(NDManager callManager, int start, int length) {
        int total = start + length;
        int window = config.slidingWindow();
        if (length == 1 && (window == 0 || total <= window)) {
            return null;
        }
        int groups = config.kvGroups();
        float[] mask = new float[groups * length * total];
        for (int t = 0; t < length; t++) {
            int position = start + t;
            for (int j = 0; j < total; j++) {
                boolean visible = j <= position && (window == 0 || position - j < window);
                mask[t * total + j] = visible ? 0f : Float.NEGATIVE_INFINITY;
            }
        }
        for (int g = 1; g < groups; g++) {
            System.arraycopy(mask, 0, mask, g * length * total, length * total);
        }
        return callManager.create(mask, new Shape((long) groups * length, total));
    }

    @Override
    public void close() {
        manager.close();
    }
}
