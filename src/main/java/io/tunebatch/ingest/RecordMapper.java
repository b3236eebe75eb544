package io.tunebatch.ingest;

import io.tunebatch.ingest.IngestProperties.FieldMapping;
import io.tunebatch.lineage.ExampleContent;
import io.tunebatch.lineage.ReviewStatus;
import io.tunebatch.lineage.SourceReference;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Maps a record's fields onto a training example through the configured field names. Text
 * fields must be strings; ids may also be numbers. {@code input} may be absent (empty input);
 * the source system may come from {@code --source-system} instead of the record.
 */
public final class RecordMapper implements ItemProcessor<ReadRecord, IngestItem> {

    private final FieldMapping fields;
    private final String defaultSourceSystem;

    public RecordMapper(FieldMapping fields, String defaultSourceSystem) {
        this.fields = fields;
        this.defaultSourceSystem = defaultSourceSystem == null || defaultSourceSystem.isBlank() ? null : defaultSourceSystem;
    }

    @Override
    public IngestItem process(ReadRecord record) {
        if (record instanceof ReadRecord.Unreadable bad) {
            return new IngestItem.Rejected(bad.location(), null, bad.reason());
        }
        return map((ReadRecord.Parsed) record);
    }

    private IngestItem map(ReadRecord.Parsed record) {
        Map<String, Object> values = record.fields();
        RecordLocation at = record.location();
        try {
            String sourceSystem = optionalId(values, fields.sourceSystem()).orElse(defaultSourceSystem);
            if (sourceSystem == null) {
                throw new FieldProblem(fields.sourceSystem(), "missing required field (or pass --source-system)");
            }
            String documentId = optionalId(values, fields.sourceDocumentId())
                    .orElseThrow(() -> new FieldProblem(fields.sourceDocumentId(), "missing required field"));
            String instruction = requiredText(values, fields.instruction());
            String input = optionalText(values, fields.input()).orElse("");
            String output = requiredText(values, fields.output());
            String annotator = optionalId(values, fields.annotatorId()).orElse(null);
            ReviewStatus status = reviewStatus(values);
            return new IngestItem.Accepted(new ExampleContent(instruction, input, output),
                    new SourceReference(sourceSystem, documentId, at.sourceUri(), at.recordNumber(), at.lineNumber()),
                    annotator, status);
        } catch (FieldProblem problem) {
            return new IngestItem.Rejected(at, problem.field, problem.getMessage());
        }
    }

    private ReviewStatus reviewStatus(Map<String, Object> values) {
        Optional<String> raw = optionalText(values, fields.reviewStatus()).filter(s -> !s.isBlank());
        if (raw.isEmpty()) {
            return ReviewStatus.PENDING;
        }
        return ReviewStatus.parse(raw.get()).orElseThrow(() ->
                new FieldProblem(fields.reviewStatus(), "must be one of pending, approved, rejected"));
    }

    private static String requiredText(Map<String, Object> values, String field) {
        return optionalText(values, field).orElseThrow(() -> new FieldProblem(field, "missing required field"));
    }

    private static Optional<String> optionalText(Map<String, Object> values, String field) {
        Object value = values.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        throw new FieldProblem(field, "must be a string, found " + typeName(value));
    }

    private static Optional<String> optionalId(Map<String, Object> values, String field) {
        Object value = values.get(field);
        if (value instanceof Number number) {
            return Optional.of(number.toString());
        }
        return optionalText(values, field).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static String typeName(Object value) {
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return value instanceof Map<?, ?> ? "an object" : "an array";
    }

    /** A field-level reason; its message names the problem, never the value. */
    private static final class FieldProblem extends RuntimeException {
        private final String field;

        FieldProblem(String field, String problem) {
            super("field '" + field + "': " + problem, null, false, false);
            this.field = field;
        }
    }
}
