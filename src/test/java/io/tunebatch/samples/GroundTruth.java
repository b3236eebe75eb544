package io.tunebatch.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ground-truth files of one generated data file, read back as JSON. */
record GroundTruth(List<JsonNode> values, List<JsonNode> plantings) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static GroundTruth of(Path outDir, String dataFile) throws IOException {
        Path dir = outDir.resolve(SampleGenerator.GROUND_TRUTH_DIR);
        return new GroundTruth(lines(dir.resolve(dataFile + ".pii.jsonl")),
                lines(dir.resolve(dataFile + ".planted.jsonl")));
    }

    List<JsonNode> pii() {
        return values.stream().filter(value -> value.get("pii").booleanValue()).toList();
    }

    List<JsonNode> plantings(String kind) {
        return plantings.stream().filter(planting -> planting.get("kind").stringValue().equals(kind)).toList();
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.map(JSON::readTree).toList();
        }
    }
}
