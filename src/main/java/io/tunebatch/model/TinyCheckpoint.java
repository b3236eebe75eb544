package io.tunebatch.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a small randomly initialised Hugging Face model folder (config.json, model.safetensors,
 * a byte-level BPE tokenizer.json and tokenizer_config.json) for demos and tests. Same seed, same bytes.
 */
public final class TinyCheckpoint {

    /** The shape of the model; vocab must hold the 256 byte tokens plus 3 special tokens. */
    public record Dimensions(int vocabSize, int hiddenSize, int intermediateSize, int layers, int heads,
                             int keyValueHeads) {
        /** About 3.2M parameters: big enough to learn a toy task, fast enough for a CPU demo. */
        public static final Dimensions DEMO = new Dimensions(ByteLevelTokenizer.SIZE, 256, 688, 4, 4, 2);
        /** About 30k parameters, for unit tests. */
        public static final Dimensions TEST = new Dimensions(272, 32, 64, 2, 4, 2);

        public Dimensions {
            if (vocabSize < ByteLevelTokenizer.SIZE) {
                throw new IllegalArgumentException("vocab size must be at least " + ByteLevelTokenizer.SIZE);
            }
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private TinyCheckpoint() {
    }

    public static void write(Architecture architecture, Path directory, long seed) throws IOException {
        write(architecture, directory, seed, Dimensions.DEMO);
    }

    public static void write(Architecture architecture, Path directory, long seed, Dimensions dims) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(ModelConfig.FILE_NAME), JSON.writeValueAsString(config(architecture, dims)));
        SafetensorsWriter.write(directory.resolve(Checkpoint.SINGLE_FILE), weights(architecture, dims, seed));
        Files.writeString(directory.resolve(ModelTokenizer.FILE_NAME), ByteLevelTokenizer.json());
        Files.writeString(directory.resolve(ModelTokenizer.CONFIG_FILE_NAME), JSON.writeValueAsString(tokenizerConfig()));
    }

    private static ObjectNode config(Architecture architecture, Dimensions dims) {
        ObjectNode config = JSON.createObjectNode();
        config.putArray("architectures").add(architecture.huggingFaceClass());
        config.put("model_type", architecture.modelType());
        config.put("vocab_size", dims.vocabSize());
        config.put("hidden_size", dims.hiddenSize());
        config.put("intermediate_size", dims.intermediateSize());
        config.put("num_hidden_layers", dims.layers());
        config.put("num_attention_heads", dims.heads());
        config.put("num_key_value_heads", dims.keyValueHeads());
        config.put("hidden_act", "silu");
        config.put("max_position_embeddings", 512);
        config.put("rms_norm_eps", 1e-5);
        config.put("rope_theta", 10000.0);
        config.put("tie_word_embeddings", false);
        config.put("bos_token_id", ByteLevelTokenizer.BOS);
        config.put("eos_token_id", ByteLevelTokenizer.EOS);
        config.put("pad_token_id", ByteLevelTokenizer.PAD);
        config.put("torch_dtype", "float32");
        switch (architecture) {
            case LLAMA -> config.put("attention_bias", false).put("mlp_bias", false);
            case QWEN2 -> config.put("use_sliding_window", false);
            case MISTRAL -> config.putNull("sliding_window");
        }
        return config;
    }

    private static Map<String, HostTensor> weights(Architecture architecture, Dimensions dims, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int headDim = dims.hiddenSize() / dims.heads();
        int kvWidth = dims.keyValueHeads() * headDim;
        Map<String, HostTensor> weights = new TreeMap<>();
        weights.put("model.embed_tokens.weight", normal(random, dims.vocabSize(), dims.hiddenSize()));
        weights.put("lm_head.weight", normal(random, dims.vocabSize(), dims.hiddenSize()));
        weights.put("model.norm.weight", ones(dims.hiddenSize()));
        for (int i = 0; i < dims.layers(); i++) {
            String prefix = "model.layers." + i + ".";
            weights.put(prefix + "input_layernorm.weight", ones(dims.hiddenSize()));
            weights.put(prefix + "post_attention_layernorm.weight", ones(dims.hiddenSize()));
            weights.put(prefix + "self_attn.q_proj.weight", normal(random, dims.hiddenSize(), dims.hiddenSize()));
            weights.put(prefix + "self_attn.k_proj.weight", normal(random, kvWidth, dims.hiddenSize()));
            weights.put(prefix + "self_attn.v_proj.weight", normal(random, kvWidth, dims.hiddenSize()));
            weights.put(prefix + "self_attn.o_proj.weight", normal(random, dims.hiddenSize(), dims.hiddenSize()));
            if (architecture == Architecture.QWEN2) {
                weights.put(prefix + "self_attn.q_proj.bias", normal(random, dims.hiddenSize()));
                weights.put(prefix + "self_attn.k_proj.bias", normal(random, kvWidth));
                weights.put(prefix + "self_attn.v_proj.bias", normal(random, kvWidth));
            }
            weights.put(prefix + "mlp.gate_proj.weight", normal(random, dims.intermediateSize(), dims.hiddenSize()));
            weights.put(prefix + "mlp.up_proj.weight", normal(random, dims.intermediateSize(), dims.hiddenSize()));
            weights.put(prefix + "mlp.down_proj.weight", normal(random, dims.hiddenSize(), dims.intermediateSize()));
        }
        return weights;
    }

    /** N(0, 0.02²), the initializer_range transformers uses. */
    private static HostTensor normal(SplittableRandom random, long... shape) {
        float[] values = new float[Math.toIntExact(java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b))];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 0.02);
        }
        return new HostTensor(shape, values);
    }

    private static HostTensor ones(int size) {
        float[] values = new float[size];
        java.util.Arrays.fill(values, 1f);
        return new HostTensor(new long[] {size}, values);
    }

    private static ObjectNode tokenizerConfig() {
        ObjectNode config = JSON.createObjectNode();
        config.put("tokenizer_class", "PreTrainedTokenizerFast");
        config.put("bos_token", ByteLevelTokenizer.BOS_TEXT);
        config.put("eos_token", ByteLevelTokenizer.EOS_TEXT);
        config.put("pad_token", ByteLevelTokenizer.PAD_TEXT);
        config.put("model_max_length", 512);
        config.put("clean_up_tokenization_spaces", false);
        return config;
    }

    /** A byte-level BPE tokenizer without merges: one token per UTF-8 byte (ids 0-255), plus BOS, EOS and PAD. */
    static final class ByteLevelTokenizer {
        static final int BOS = 256;
        static final int EOS = 257;
        static final int PAD = 258;
        static final int SIZE = 259;
        static final String BOS_TEXT = "<s>";
        static final String EOS_TEXT = "</s>";
        static final String PAD_TEXT = "<pad>";

        private ByteLevelTokenizer() {
        }

        static String json() {
            ObjectNode root = JSON.createObjectNode();
            root.put("version", "1.0");
            root.putNull("truncation");
            root.putNull("padding");
            ArrayNode added = root.putArray("added_tokens");
            addSpecial(added, BOS, BOS_TEXT);
            addSpecial(added, EOS, EOS_TEXT);
            addSpecial(added, PAD, PAD_TEXT);
            root.putNull("normalizer");
            root.set("pre_tokenizer", byteLevel(false));
            root.putNull("post_processor");
            root.set("decoder", byteLevel(true));
            ObjectNode model = root.putObject("model");
            model.put("type", "BPE");
            model.putNull("dropout");
            model.putNull("unk_token");
            model.putNull("continuing_subword_prefix");
            model.putNull("end_of_word_suffix");
            model.put("fuse_unk", false);
            model.put("byte_fallback", false);
            ObjectNode vocab = model.putObject("vocab");
            String[] symbols = byteSymbols();
            for (int b = 0; b < 256; b++) {
                vocab.put(symbols[b], b);
            }
            model.putArray("merges");
            return JSON.writeValueAsString(root);
        }

        private static void addSpecial(ArrayNode added, int id, String content) {
            added.addObject().put("id", id).put("content", content).put("single_word", false)
                    .put("lstrip", false).put("rstrip", false).put("normalized", false).put("special", true);
        }

        private static ObjectNode byteLevel(boolean decoder) {
            ObjectNode node = JSON.createObjectNode();
            node.put("type", "ByteLevel");
            node.put("add_prefix_space", false);
            node.put("trim_offsets", true);
            node.put("use_regex", !decoder);
            return node;
        }

        /** GPT-2's bytes_to_unicode: printable bytes stand for themselves, the rest map above U+0100. */
        static String[] byteSymbols() {
            String[] symbols = new String[256];
            int next = 0;
            for (int b = 0; b < 256; b++) {
                boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
                symbols[b] = String.valueOf((char) (printable ? b : 256 + next++));
            }
            return symbols;
        }
    }
}
