package io.tunebatch.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of a Hugging Face {@code config.json} the decoder needs. Values the file leaves out
 * take the defaults of the transformers classes for that architecture.
 *
 * @param attentionBias q/k/v projections carry a bias (Qwen2 always; Llama when {@code attention_bias})
 * @param outputBias    o_proj carries a bias (Llama with {@code attention_bias} only)
 * @param slidingWindow tokens a query may look back (Mistral), 0 when unlimited
 */
public record ModelConfig(
        Architecture architecture,
        int vocabSize,
        int hiddenSize,
        int intermediateSize,
        int numLayers,
        int numHeads,
        int numKeyValueHeads,
        int headDim,
        double rmsNormEps,
        double ropeTheta,
        RopeScaling ropeScaling,
        int maxPositionEmbeddings,
        boolean tieWordEmbeddings,
        boolean attentionBias,
        boolean outputBias,
        boolean mlpBias,
        int slidingWindow,
        List<Integer> eosTokenIds) {

    public static final String FILE_NAME = "config.json";

    /** How RoPE frequencies are rescaled for long contexts; {@code type} "default" means none. */
    public record RopeScaling(String type, double factor, double lowFreqFactor, double highFreqFactor,
                              int originalMaxPositionEmbeddings) {
        public static final RopeScaling NONE = new RopeScaling("default", 1, 0, 0, 0);
    }

    public static ModelConfig load(Path modelDirectory) {
        Path file = modelDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file + ": not found; a Hugging Face model folder has a config.json");
        }
        JsonNode json;
        try {
            json = JsonMapper.builder().build().readTree(file.toFile());
        } catch (tools.jackson.core.JacksonException e) {
            throw new CheckpointException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        return parse(file, json);
    }

    static ModelConfig parse(Path file, JsonNode json) {
        Fields fields = new Fields(file, json);
        String className = json.path("architectures").path(0).asString("");
        Architecture architecture = Architecture.byHuggingFaceClass(className).orElseThrow(() ->
                new CheckpointException(file + ": field architectures[0] is '" + className
                        + "'; supported are " + Stream.of(Architecture.values())
                        .map(Architecture::huggingFaceClass).collect(Collectors.joining(", "))));
        String activation = json.path("hidden_act").asString("silu");
        if (!activation.equals("silu")) {
            throw new CheckpointException(file + ": field hidden_act is '" + activation + "'; only silu is supported");
        }
        int hidden = fields.requiredInt("hidden_size");
        int heads = fields.requiredInt("num_attention_heads");
        int kvHeads = fields.optionalInt("num_key_value_heads", heads);
        if (hidden % heads != 0 || heads % kvHeads != 0) {
            throw new CheckpointException(file + ": num_attention_heads " + heads + " must divide hidden_size "
                    + hidden + " and be a multiple of num_key_value_heads " + kvHeads);
        }
        boolean llamaBias = architecture == Architecture.LLAMA && json.path("attention_bias").asBoolean(false);
        return new ModelConfig(
                architecture,
                fields.requiredInt("vocab_size"),
                hidden,
                fields.requiredInt("intermediate_size"),
                fields.requiredInt("num_hidden_layers"),
                heads,
                kvHeads,
                fields.optionalInt("head_dim", hidden / heads),
                json.path("rms_norm_eps").asDouble(1e-6),
                ropeTheta(json),
                ropeScaling(file, json.has("rope_parameters") ? json.path("rope_parameters") : json.path("rope_scaling")),
                fields.optionalInt("max_position_embeddings", 2048),
                json.path("tie_word_embeddings").asBoolean(false),
                architecture == Architecture.QWEN2 || llamaBias,
                llamaBias,
                architecture == Architecture.LLAMA && json.path("mlp_bias").asBoolean(false),
                slidingWindow(file, architecture, json),
                eosTokenIds(json.path("eos_token_id")));
    }

    /** transformers 5 writes rope_parameters (theta inside); earlier versions rope_theta and rope_scaling. */
    private static double ropeTheta(JsonNode json) {
        return json.path("rope_parameters").path("rope_theta").asDouble(json.path("rope_theta").asDouble(10000.0));
    }

    private static RopeScaling ropeScaling(Path file, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return RopeScaling.NONE;
        }
        String type = node.path("rope_type").asString(node.path("type").asString("default"));
        double factor = node.path("factor").asDouble(1.0);
        return switch (type) {
            case "default" -> RopeScaling.NONE;
            case "linear" -> new RopeScaling(type, factor, 0, 0, 0);
            case "llama3" -> new RopeScaling(type, factor,
                    node.path("low_freq_factor").asDouble(1.0),
                    node.path("high_freq_factor").asDouble(4.0),
                    node.path("original_max_position_embeddings").asInt(8192));
            default -> throw new CheckpointException(file + ": field rope_scaling/rope_parameters.rope_type is '" + type
                    + "'; supported are default, linear and llama3");
        };
    }

    private static int slidingWindow(Path file, Architecture architecture, JsonNode json) {
        if (architecture == Architecture.MISTRAL) {
            JsonNode window = json.path("sliding_window");
            return window.isMissingNode() ? 4096 : window.asInt(0);
        }
        if (architecture == Architecture.QWEN2 && json.path("use_sliding_window").asBoolean(false)) {
            throw new CheckpointException(file + ": field use_sliding_window is true; per-layer sliding windows"
                    + " of Qwen2 are not supported");
        }
        return 0;
    }

    private static List<Integer> eosTokenIds(JsonNode node) {
        List<Integer> ids = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> ids.add(n.asInt()));
        } else if (node.isNumber()) {
            ids.add(node.asInt());
        }
        return List.copyOf(ids);
    }

    public int kvGroups() {
        return numHeads / numKeyValueHeads;
    }

    private record Fields(Path file, JsonNode json) {
        int requiredInt(String name) {
            JsonNode node = json.path(name);
            if (!node.isIntegralNumber() || node.asInt() <= 0) {
                throw new CheckpointException(file + ": field " + name + " must be a positive integer, found "
                        + (node.isMissingNode() ? "nothing" : node.toString()));
            }
            return node.asInt();
        }

        int optionalInt(String name, int fallback) {
            JsonNode node = json.path(name);
            return node.isMissingNode() || node.isNull() ? fallback : requiredInt(name);
        }
    }
}
