package io.tunebatch.evaluate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outputs produced elsewhere (a serving system, another tool), one JSON object per line with
 * {@code prompt} and {@code output}: evaluating them scores exactly what was served.
 */
public final class RecordedOutputs implements TextGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Map<String, String> outputs;

    private RecordedOutputs(Path file, Map<String, String> outputs) {
        this.file = file;
        this.outputs = outputs;
    }

    public static RecordedOutputs load(Path file) {
        Map<String, String> outputs = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record = parse(file, lineNumber, line);
                String prompt = text(record, "prompt", file, lineNumber);
                String output = text(record, "output", file, lineNumber);
                String earlier = outputs.putIfAbsent(prompt, output);
                if (earlier != null && !earlier.equals(output)) {
                    throw new IllegalArgumentException(file + ", line " + lineNumber
                            + ": field 'prompt': this prompt already has a different output; keep one output per prompt");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recorded outputs " + file, e);
        }
        return new RecordedOutputs(file, outputs);
    }

    @Override
    public String generate(String prompt) {
        String output = outputs.get(prompt);
        if (output == null) {
            throw new IllegalArgumentException("recorded outputs " + file + " have no line for the prompt \"" + prompt
                    + "\"; record an output for every prompt of the suite");
        }
        return output;
    }

    private static JsonNode parse(Path file, int lineNumber, String line) {
        try {
            return JSON.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ", line " + lineNumber + ": not a JSON object: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode record, String field, Path file, int lineNumber) {
        JsonNode value = record.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException(file + ", line " + lineNumber + ": field '" + field + "' must be a text");
        }
        return value.asString();
    }
}
