package io.tunebatch.pii.ner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import io.tunebatch.model.Checkpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Hugging Face encoder for token classification ({@code BertForTokenClassification},
 * {@code RobertaForTokenClassification}, {@code XLMRobertaForTokenClassification},
 * {@code DistilBertForTokenClassification}: config.json + safetensors) evaluated with DJL's
 * PyTorch engine: embeddings, post-norm encoder layers, a linear classifier over the last hidden
 * state. The four differ only in weight names, RoBERTa's position offset and DistilBERT's missing
 * token types. Inference only; one sequence per call. Thread-safe: the weights are read-only and
 * every call works in its own sub-manager.
 */
public final class TokenClassifier implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Where an architecture keeps its weights: the embeddings' prefix, one layer's prefix (with
     * {@code %d}) and the names inside a layer.
     */
    private record WeightNames(String embeddings, String layer, String query, String key, String value,
                               String attentionOutput, String attentionNorm, String intermediate, String output,
                               String outputNorm) {

        static WeightNames encoder(String model) {
            return new WeightNames(model + ".embeddings.", model + ".encoder.layer.%d.", "attention.self.query",
                    "attention.self.key", "attention.self.value", "attention.output.dense", "attention.output.LayerNorm",
                    "intermediate.dense", "output.dense", "output.LayerNorm");
        }

        static final WeightNames DISTILBERT = new WeightNames("distilbert.embeddings.", "distilbert.transformer.layer.%d.",
                "attention.q_lin", "attention.k_lin", "attention.v_lin", "attention.out_lin", "sa_layer_norm", "ffn.lin1",
                "ffn.lin2", "output_layer_norm");
    }

    /**
     * The shape of the network, from config.json. {@code positionOffset} is the first position id
     * (RoBERTa counts from its padding id + 1), {@code typeVocabSize} 0 where there are no token types.
     */
    public record Config(String modelType, int vocabSize, int hiddenSize, int layers, int heads, int intermediateSize,
                         int maxPositions, int positionOffset, int typeVocabSize, float layerNormEps, List<String> labels) {

        static final List<String> SUPPORTED = List.of("bert", "roberta", "xlm-roberta", "distilbert");

        static Config read(Path file) {
            JsonNode json;
            try {
                json = JSON.readTree(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            String type = json.path("model_type").asString("");
            if (!SUPPORTED.contains(type)) {
                throw new IllegalArgumentException(file + ": model_type '" + type + "' is not supported; the NER model must be"
                        + " a token-classification model of type " + String.join(", ", SUPPORTED));
            }
            boolean distil = type.equals("distilbert");
            String activation = json.path(distil ? "activation" : "hidden_act").asString("gelu");
            if (!activation.equals("gelu")) {
                throw new IllegalArgumentException(file + ": activation '" + activation + "' is not supported (gelu only)");
            }
            Map<Integer, String> byId = new TreeMap<>();
            json.path("id2label").properties().forEach(e -> byId.put(Integer.parseInt(e.getKey()), e.getValue().asString()));
            if (byId.isEmpty()) {
                throw new IllegalArgumentException(file + ": id2label is missing; a token-classification config names its labels");
            }
            int positionOffset = type.endsWith("roberta") ? json.path("pad_token_id").asInt(1) + 1 : 0;
            if (distil) {
                return new Config(type, json.path("vocab_size").asInt(), json.path("dim").asInt(), json.path("n_layers").asInt(),
                        json.path("n_heads").asInt(), json.path("hidden_dim").asInt(), json.path("max_position_embeddings").asInt(512),
                        0, 0, 1e-12f, List.copyOf(byId.values()));
            }
            return new Config(type, json.path("vocab_size").asInt(), json.path("hidden_size").asInt(),
                    json.path("num_hidden_layers").asInt(), json.path("num_attention_heads").asInt(),
                    json.path("intermediate_size").asInt(), json.path("max_position_embeddings").asInt(512), positionOffset,
                    json.path("type_vocab_size").asInt(2), (float) json.path("layer_norm_eps").asDouble(1e-12),
                    List.copyOf(byId.values()));
        }

        /** The longest sequence, special tokens included, the position embeddings cover. */
        public int maxTokens() {
            return maxPositions - positionOffset;
        }

        private WeightNames weightNames() {
            return switch (modelType) {
                case "distilbert" -> WeightNames.DISTILBERT;
                case "bert" -> WeightNames.encoder("bert");
                default -> WeightNames.encoder("roberta"); // XLM-RoBERTa keeps RoBERTa's names
            };
        }
    }

    private record Dense(NDArray weight, NDArray bias) {
        NDArray apply(NDArray x) {
            return Linear.linear(x, weight, bias).head();
        }
    }

    private record Norm(NDArray gamma, NDArray beta) {
    }

    private record Layer(Dense query, Dense key, Dense value, Dense attentionOutput, Norm attentionNorm,
                         Dense intermediate, Dense output, Norm outputNorm) {
    }

    private final Config config;
    private final NDManager manager;
    private final float[] wordEmbeddings;
    private final float[] positionEmbeddings;
    private final float[] firstTypeEmbedding;
    private final Norm embeddingNorm;
    private final List<Layer> layers;
    private final Dense classifier;

    private TokenClassifier(Config config, NDManager manager, float[] wordEmbeddings, float[] positionEmbeddings,
                            float[] firstTypeEmbedding, Norm embeddingNorm, List<Layer> layers, Dense classifier) {
        this.config = config;
        this.manager = manager;
        this.wordEmbeddings = wordEmbeddings;
        this.positionEmbeddings = positionEmbeddings;
        this.firstTypeEmbedding = firstTypeEmbedding;
        this.embeddingNorm = embeddingNorm;
        this.layers = layers;
        this.classifier = classifier;
    }

    /** Loads {@code config.json} and the safetensors weights of a model folder. */
    public static TokenClassifier load(Path folder) {
        Config config = Config.read(folder.resolve("config.json"));
        WeightNames names = config.weightNames();
        Checkpoint checkpoint = Checkpoint.open(folder);
        NDManager manager = NDManager.newBaseManager();
        Weights weights = new Weights(checkpoint, manager, config);
        int h = config.hiddenSize();
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < config.layers(); i++) {
            String prefix = names.layer().formatted(i);
            layers.add(new Layer(
                    weights.dense(prefix + names.query(), h, h),
                    weights.dense(prefix + names.key(), h, h),
                    weights.dense(prefix + names.value(), h, h),
                    weights.dense(prefix + names.attentionOutput(), h, h),
                    weights.norm(prefix + names.attentionNorm()),
                    weights.dense(prefix + names.intermediate(), config.intermediateSize(), h),
                    weights.dense(prefix + names.output(), h, config.intermediateSize()),
                    weights.norm(prefix + names.outputNorm())));
        }
        float[] firstTypeEmbedding = config.typeVocabSize() == 0 ? new float[h]
                : Arrays.copyOf(weights.host(names.embeddings() + "token_type_embeddings.weight", config.typeVocabSize(), h), h);
        return new TokenClassifier(config, manager,
                weights.host(names.embeddings() + "word_embeddings.weight", config.vocabSize(), h),
                weights.host(names.embeddings() + "position_embeddings.weight", config.maxPositions(), h),
                firstTypeEmbedding, weights.norm(names.embeddings() + "LayerNorm"), List.copyOf(layers),
                weights.dense("classifier", config.labels().size(), h));
    }

    private record Weights(Checkpoint checkpoint, NDManager manager, Config config) {
        float[] host(String name, long... shape) {
            return checkpoint.read(name, shape).values();
        }

        NDArray tensor(String name, long... shape) {
            return manager.create(host(name, shape), new Shape(shape));
        }

        Dense dense(String name, int out, int in) {
            return new Dense(tensor(name + ".weight", out, in), tensor(name + ".bias", out));
        }

        Norm norm(String name) {
            return new Norm(tensor(name + ".weight", config.hiddenSize()), tensor(name + ".bias", config.hiddenSize()));
        }
    }

    public Config config() {
        return config;
    }

    /** Label probabilities [tokens][labels] for one sequence of at most {@link Config#maxTokens()} token ids. */
    public float[][] probabilities(long[] ids) {
        if (ids.length == 0 || ids.length > config.maxTokens()) {
            throw new IllegalArgumentException("a sequence holds 1 to " + config.maxTokens() + " tokens, got " + ids.length);
        }
        try (NDManager call = manager.newSubManager()) {
            NDArray x = layerNorm(embed(call, ids), embeddingNorm);
            for (Layer layer : layers) {
                x = encode(x, layer);
            }
            float[] flat = classifier.apply(x).softmax(-1).toFloatArray();
            int labels = config.labels().size();
            float[][] out = new float[ids.length][];
            for (int t = 0; t < ids.length; t++) {
                out[t] = Arrays.copyOfRange(flat, t * labels, (t + 1) * labels);
            }
            return out;
        }
    }

    /** Word + position (from the architecture's offset) + token type 0, gathered in Java memory: [tokens, hidden]. */
    private NDArray embed(NDManager call, long[] ids) {
        int h = config.hiddenSize();
        float[] sum = new float[ids.length * h];
        for (int t = 0; t < ids.length; t++) {
            if (ids[t] < 0 || ids[t] >= config.vocabSize()) {
                throw new IllegalArgumentException("token id " + ids[t] + " is outside the vocabulary of " + config.vocabSize());
            }
            int word = (int) ids[t] * h;
            int position = (t + config.positionOffset()) * h;
            int row = t * h;
            for (int d = 0; d < h; d++) {
                sum[row + d] = wordEmbeddings[word + d] + positionEmbeddings[position + d] + firstTypeEmbedding[d];
            }
        }
        return call.create(sum, new Shape(ids.length, h));
    }

    private NDArray encode(NDArray x, Layer layer) {
        long tokens = x.getShape().get(0);
        int heads = config.heads();
        int headSize = config.hiddenSize() / heads;
        Shape split = new Shape(tokens, heads, headSize);
        NDArray q = layer.query().apply(x).reshape(split).transpose(1, 0, 2);
        NDArray k = layer.key().apply(x).reshape(split).transpose(1, 2, 0);
        NDArray v = layer.value().apply(x).reshape(split).transpose(1, 0, 2);
        NDArray attention = q.matMul(k).div((float) Math.sqrt(headSize)).softmax(-1).matMul(v)
                .transpose(1, 0, 2).reshape(tokens, config.hiddenSize());
        NDArray attended = layerNorm(x.add(layer.attentionOutput().apply(attention)), layer.attentionNorm());
        NDArray inner = Activation.gelu(layer.intermediate().apply(attended));
        return layerNorm(attended.add(layer.output().apply(inner)), layer.outputNorm());
    }

    private NDArray layerNorm(NDArray x, Norm norm) {
        return LayerNorm.layerNorm(x, new Shape(config.hiddenSize()), norm.gamma(), norm.beta(), config.layerNormEps()).head();
    }

    @Override
    public void close() {
        manager.close();
    }
}
