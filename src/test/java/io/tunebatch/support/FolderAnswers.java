package io.tunebatch.support;

import io.tunebatch.evaluate.TextGenerator;
import io.tunebatch.evaluate.TextGeneratorFactory;
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

    /** Writes the answers a test model gives into its folder. */
    public static Path write(Path folder, Map<String, String> answers) throws java.io.IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("answers.json"), JSON.writeValueAsString(answers));
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
