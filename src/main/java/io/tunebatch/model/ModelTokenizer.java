package io.tunebatch.model;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model folder's {@code tokenizer.json} (through DJL's bindings to HF tokenizers, offline) plus
 * what {@code tokenizer_config.json} says about special tokens and the chat template.
 */
public final class ModelTokenizer implements AutoCloseable {

    public static final String FILE_NAME = "tokenizer.json";
    public static final String CONFIG_FILE_NAME = "tokenizer_config.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HuggingFaceTokenizer tokenizer;
    private final Map<String, Long> specialIds;
    private final String bosText;
    private final String eosText;
    private final Set<Long> stopIds;
    private final long padId;
    private final PromptFormat promptFormat;

    private ModelTokenizer(HuggingFaceTokenizer tokenizer, Map<String, Long> specialIds, String bosText,
                           String eosText, Set<Long> stopIds, long padId, PromptFormat promptFormat) {
        this.tokenizer = tokenizer;
        this.specialIds = specialIds;
        this.bosText = bosText;
        this.eosText = eosText;
        this.stopIds = stopIds;
        this.padId = padId;
        this.promptFormat = promptFormat;
    }

    public static ModelTokenizer load(Path modelDirectory, ModelConfig modelConfig) {
        Path file = modelDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file + ": not found; the model folder needs a Hugging Face tokenizer.json");
        }
        Map<String, Long> specialIds = addedTokens(file);
        JsonNode config = readConfig(modelDirectory.resolve(CONFIG_FILE_NAME));
        String bos = tokenText(config.path("bos_token"));
        String eos = tokenText(config.path("eos_token"));
        String pad = tokenText(config.path("pad_token"));
        PromptFormat format = PromptFormat.fromChatTemplate(config.path("chat_template").asString(null));
        Set<Long> stopIds = new LinkedHashSet<>();
        modelConfig.eosTokenIds().forEach(id -> stopIds.add(id.longValue()));
        if (specialIds.containsKey(eos)) {
            stopIds.add(specialIds.get(eos));
        }
        String endOfAnswer = format.endOfAnswer(eos);
        if (specialIds.containsKey(endOfAnswer)) {
            stopIds.add(specialIds.get(endOfAnswer));
        }
        long padId = specialIds.getOrDefault(pad, specialIds.getOrDefault(eos, 0L));
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file)
                    .optAddSpecialTokens(false)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
            return new ModelTokenizer(tokenizer, Map.copyOf(specialIds), specialIds.containsKey(bos) ? bos : "",
                    eos, Set.copyOf(stopIds), padId, format);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(file + ": cannot load tokenizer: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> addedTokens(Path file) {
        try {
            Map<String, Long> ids = new HashMap<>();
            JSON.readTree(file.toFile()).path("added_tokens")
                    .forEach(token -> ids.put(token.path("content").asString(), token.path("id").asLong()));
            return ids;
        } catch (tools.jackson.core.JacksonException e) {
            throw new CheckpointException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode readConfig(Path file) {
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (tools.jackson.core.JacksonException e) {
            throw new CheckpointException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A special token is either a string or an AddedToken object with "content". */
    private static String tokenText(JsonNode node) {
        return node.isObject() ? node.path("content").asString("") : node.asString("");
    }

    /** Token ids of text; special tokens written in the text map to their ids, nothing is added. */
    public long[] encode(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    /** Text of ids with special tokens left out. */
    public String decode(long[] ids) {
        return tokenizer.decode(ids, true);
    }

    public PromptFormat promptFormat() {
        return promptFormat;
    }

    /** The prompt of an instruction record in this model's format. */
    public String prompt(String instruction, String input) {
        return promptFormat.prompt(instruction, input, bosText);
    }

    /** The text that ends an answer in this model's format (EOS or end-of-turn). */
    public String endOfAnswer() {
        return promptFormat.endOfAnswer(eosText);
    }

    /** Ids that end generation: EOS from both config files and the format's end-of-turn token. */
    public Set<Long> stopIds() {
        return stopIds;
    }

    public long padId() {
        return padId;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
