package io.tunebatch.cli;

import ai.djl.Device;
import io.tunebatch.model.CheckpointException;
import io.tunebatch.model.Devices;
import io.tunebatch.model.Generation;
import io.tunebatch.model.GenerationSettings;
import io.tunebatch.model.Generator;
import io.tunebatch.model.LanguageModel;
import io.tunebatch.model.LoraAdapter;
import io.tunebatch.model.PeftAdapter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunebatch generate}: continue a prompt with a base model, optionally with a LoRA adapter. */
@Component
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate text from a Hugging Face model folder, optionally with a PEFT LoRA adapter.")
public class GenerateCommand implements TopLevelCommand, Runnable {

    @Option(names = "--base", required = true, description = "base model folder")
    Path base;

    @Option(names = "--adapter", description = "PEFT adapter folder (adapter_config.json, adapter_model.safetensors)")
    Path adapter;

    @Option(names = "--prompt", required = true, description = "the instruction (or raw text with --raw)")
    String prompt;

    @Option(names = "--raw", description = "send --prompt as is instead of in the model's instruction format")
    boolean raw;

    @Option(names = "--max-new-tokens", defaultValue = "64", description = "default ${DEFAULT-VALUE}")
    int maxNewTokens;

    @Option(names = "--temperature", defaultValue = "0", description = "0 = greedy (default)")
    double temperature;

    @Option(names = "--top-p", defaultValue = "1.0", description = "nucleus mass when sampling (default ${DEFAULT-VALUE})")
    double topP;

    @Option(names = "--seed", defaultValue = "0", description = "sampling seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--stop", description = "stop sequence; repeat for several")
    List<String> stops = new ArrayList<>();

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public void run() {
        GenerationSettings settings;
        Device target;
        try {
            settings = new GenerationSettings(maxNewTokens, temperature, topP, seed, stops);
            target = Devices.parse(device);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        try (LanguageModel model = LanguageModel.load(base, target, Devices.baseWeightType(target));
             LoraAdapter lora = adapter == null ? null : PeftAdapter.read(adapter, model.transformer())) {
            Generator generator = new Generator(model, lora);
            Generation result = raw ? generator.generate(prompt, settings) : generator.answer(prompt, "", settings);
            print(result);
        } catch (CheckpointException e) {
            throw new UserError(e.getMessage() + "; check --base and --adapter");
        }
    }

    private void print(Generation result) {
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("text", result.text());
            document.put("stopReason", result.stopReason());
            document.put("promptTokens", result.promptTokens());
            document.put("generatedTokens", result.tokenIds().length);
            document.put("tokensPerSecond", result.tokensPerSecond());
            Output.json(document);
        } else {
            Output.line(result.text());
            Output.progress("%d tokens, %s, %.1f tokens/s", result.tokenIds().length, result.stopReason(),
                    result.tokensPerSecond());
        }
    }
}
