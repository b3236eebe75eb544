package io.tunebatch.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A LoRA adapter folder in Hugging Face PEFT's format: {@code adapter_config.json} and
 * {@code adapter_model.safetensors}, loadable unchanged by {@code PeftModel.from_pretrained} and vLLM.
 */
public final class PeftAdapter {

    public static final String CONFIG_FILE = "adapter_config.json";
    public static final String WEIGHTS_FILE = "adapter_model.safetensors";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PeftAdapter() {
    }

    public static void write(LoraAdapter adapter, Path directory, String baseModelNameOrPath) throws IOException {
        Files.createDirectories(directory);
        SafetensorsWriter.write(directory.resolve(WEIGHTS_FILE), adapter.toHostTensors());
        Files.writeString(directory.resolve(CONFIG_FILE), JSON.writeValueAsString(config(adapter.settings(),
                baseModelNameOrPath)));
    }

    private static ObjectNode config(LoraSettings settings, String baseModel) {
        ObjectNode config = JSON.createObjectNode();
        config.putObject("alpha_pattern");
        config.putNull("auto_mapping");
        config.put("base_model_name_or_path", baseModel);
        config.put("bias", "none");
        config.put("fan_in_fan_out", false);
        config.put("inference_mode", true);
        config.put("init_lora_weights", true);
        config.putNull("layers_pattern");
        config.putNull("layers_to_transform");
        if (settings.alpha() == Math.rint(settings.alpha())) {
            config.put("lora_alpha", (long) settings.alpha());
        } else {
            config.put("lora_alpha", settings.alpha());
        }
        config.put("lora_dropout", settings.dropout());
        config.putNull("modules_to_save");
        config.put("peft_type", "LORA");
        config.put("r", settings.rank());
        config.putObject("rank_pattern");
        config.putNull("revision");
        config.putArray("target_modules").addAll(settings.targetModules().stream()
                .map(config::textNode).toList());
        config.put("task_type", "CAUSAL_LM");
        config.put("use_dora", false);
        config.put("use_rslora", settings.rsLora());
        return config;
    }

    /** Reads the adapter settings, refusing PEFT features this runtime does not apply. */
    public static LoraSettings readSettings(Path directory) {
        Path file = directory.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file + ": not found; a PEFT adapter folder has an adapter_config.json");
        }
        JsonNode config;
        try {
            config = JSON.readTree(file.toFile());
        } catch (tools.jackson.core.JacksonException e) {
            throw new CheckpointException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        expect(file, config, "peft_type", "LORA");
        if (config.path("bias").isString()) {
            expect(file, config, "bias", "none");
        }
        if (config.path("use_dora").asBoolean(false) || config.path("fan_in_fan_out").asBoolean(false)
                || !config.path("rank_pattern").isEmpty() || !config.path("alpha_pattern").isEmpty()
                || !(config.path("layers_to_transform").isNull() || config.path("layers_to_transform").isMissingNode())) {
            throw new CheckpointException(file + ": uses use_dora, fan_in_fan_out, rank_pattern, alpha_pattern or"
                    + " layers_to_transform, which are not supported");
        }
        JsonNode targets = config.path("target_modules");
        if (!targets.isArray()) {
            throw new CheckpointException(file + ": field target_modules must be a list of module names");
        }
        List<String> modules = new ArrayList<>();
        targets.forEach(t -> modules.add(t.asString()));
        try {
            return new LoraSettings(config.path("r").asInt(0), config.path("lora_alpha").asDouble(0),
                    config.path("lora_dropout").asDouble(0), modules, config.path("use_rslora").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file + ": " + e.getMessage(), e);
        }
    }

    private static void expect(Path file, JsonNode config, String field, String value) {
        String actual = config.path(field).asString("");
        if (!actual.equals(value)) {
            throw new CheckpointException(file + ": field " + field + " is '" + actual + "', expected '" + value + "'");
        }
    }

    /** Loads an adapter folder onto the model's device, checking every tensor's shape against the model. */
    public static LoraAdapter read(Path directory, Transformer model) {
        LoraSettings settings = readSettings(directory);
        Path weights = directory.resolve(WEIGHTS_FILE);
        if (!Files.isRegularFile(weights)) {
            throw new CheckpointException(weights + ": not found");
        }
        SafetensorsFile file = SafetensorsFile.open(weights);
        Map<String, HostTensor> tensors = new HashMap<>();
        for (String name : file.names()) {
            tensors.put(name.replace(".default.weight", ".weight"), file.read(name));
        }
        return LoraAdapter.fromTensors(model, settings, tensors, weights.toString());
    }
}
