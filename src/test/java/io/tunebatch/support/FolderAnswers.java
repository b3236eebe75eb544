package io.tunebatch.support;

import io.tunebatch.evaluate.TextGenerator;
import io.tunebatch.evaluate.TextGeneratorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deterministic stand-in for a model runtime in tests: the model (the adapter folder if given,
 * else the base folder) holds {@code answers.json}, a map from prompt to output.
 */
public final class FolderAnswers implements TextGeneratorFactory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Writes the answers a test model gives into its folder, with an {@code adapter_model.safetensors}
     * standing in for the weights ({@code weights} bytes) so the folder has an adapter hash.
     */
    public static Path write(Path folder, Map<String, String> answers, String weights) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("answers.json"), JSON.writeValueAsString(answers));
        Files.writeString(folder.resolve("adapter_model.safetensors"), weights);
        return folder;
    }

    @Override
    public TextGenerator open(Path baseModel, Path adapter) {
        Path model = adapter == null ? baseModel : adapter;
        Map<String, String> answers = JSON.readValue(model.resolve("answers.json").toFile(), new TypeReference<Map<String, String>>() {
        });
        return prompt -> answers.getOrDefault(prompt, "");
    }
}
