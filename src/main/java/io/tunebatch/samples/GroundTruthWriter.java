package io.tunebatch.samples;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The answers to one data file, as JSONL beside it in the ground-truth folder:
 * {@code <file>.pii.jsonl} lists every planted PII value and hard negative of the well-formed
 * records (field, offsets, type, value), {@code <file>.planted.jsonl} every duplicate, short or
 * empty field and malformed line (with the PII values that survive in its bytes).
 */
final class GroundTruthWriter implements AutoCloseable {

    private final String file;
    private final Writer values;
    private final Writer plantings;
    private final boolean enabled;

    private GroundTruthWriter(String file, Writer values, Writer plantings, boolean enabled) {
        this.file = file;
        this.values = values;
        this.plantings = plantings;
        this.enabled = enabled;
    }

    static GroundTruthWriter open(Path groundTruthDir, String file) throws IOException {
        return new GroundTruthWriter(file,
                Files.newBufferedWriter(groundTruthDir.resolve(file + ".pii.jsonl"), StandardCharsets.UTF_8),
                Files.newBufferedWriter(groundTruthDir.resolve(file + ".planted.jsonl"), StandardCharsets.UTF_8),
                true);
    }

    /** Writes nothing and skips building the entries. */
    static GroundTruthWriter none(String file) {
        return new GroundTruthWriter(file, Writer.nullWriter(), Writer.nullWriter(), false);
    }

    void value(SampleFileWriter.Position at, String documentId, PlantedValue value) throws IOException {
        if (!enabled) {
            return;
        }
        StringBuilder json = entry(at, documentId);
        Json.member(json, "field", value.field());
        Json.member(json, "start", value.start());
        Json.member(json, "end", value.end());
        Json.member(json, "type", value.type());
        Json.name(json, "pii").append(value.pii());
        Json.member(json, "value", value.value());
        values.append(json).append("}\n");
    }

    void planting(SampleFileWriter.Position at, String documentId, Planting planting, String duplicateOf)
            throws IOException {
        if (!enabled) {
            return;
        }
        StringBuilder json = entry(at, documentId);
        Json.member(json, "kind", planting.label());
        if (duplicateOf != null) {
            Json.member(json, "duplicate_of", duplicateOf);
        }
        plantings.append(json).append("}\n");
    }

    void malformed(SampleFileWriter.Position at, String documentId, Malformation malformation,
                   List<String> piiValues) throws IOException {
        if (!enabled) {
            return;
        }
        StringBuilder json = entry(at, documentId);
        Json.member(json, "kind", "malformed");
        Json.member(json, "malformation", malformation.label());
        Json.name(json, "pii_values").append('[');
        for (int i = 0; i < piiValues.size(); i++) {
            Json.quote(i == 0 ? json : json.append(','), piiValues.get(i));
        }
        plantings.append(json).append("]}\n");
    }

    private StringBuilder entry(SampleFileWriter.Position at, String documentId) {
        StringBuilder json = new StringBuilder(160).append('{');
        Json.member(json, "file", file);
        Json.member(json, "record", at.record());
        Json.member(json, "line", at.line());
        return Json.member(json, "source_document_id", documentId);
    }

    @Override
    public void close() throws IOException {
        try {
            values.close();
        } finally {
            plantings.close();
        }
    }
}
