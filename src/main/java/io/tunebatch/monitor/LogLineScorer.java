package io.tunebatch.monitor;

import io.tunebatch.drift.TokenVocabulary;
import io.tunebatch.evaluate.EvalCase;
import io.tunebatch.evaluate.TextMetrics;
import io.tunebatch.ingest.ReadRecord;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns one inference log line into a scored line, a line of another version, or a malformed line
 * naming the field and the problem (never the value). A line is a JSON object with
 * {@code timestamp} (ISO-8601 with offset), {@code model_version} ({@code 3}, {@code "3"} or
 * {@code "name:3"}), {@code prompt}, {@code output}, and optionally {@code case}: the suite's
 * format_compliance case the output must comply with.
 */
final class LogLineScorer implements ItemProcessor<ReadRecord, MonitoredLine> {

    static final String TIMESTAMP = "timestamp";
    static final String MODEL_VERSION = "model_version";
    static final String PROMPT = "prompt";
    static final String OUTPUT = "output";
    static final String CASE = "case";

    private final String modelName;
    private final int modelVersion;
    private final OutputScorer scorer;
    private final TokenVocabulary vocabulary;

    /** @param vocabulary the training snapshot's token bins, or null when the version has no snapshot */
    LogLineScorer(String modelName, int modelVersion, OutputScorer scorer, TokenVocabulary vocabulary) {
        this.modelName = modelName;
        this.modelVersion = modelVersion;
        this.scorer = scorer;
        this.vocabulary = vocabulary;
    }

    @Override
    public MonitoredLine process(ReadRecord record) {
        if (record instanceof ReadRecord.Unreadable bad) {
            return new MonitoredLine.Malformed(bad.location(), null, bad.reason());
        }
        ReadRecord.Parsed line = (ReadRecord.Parsed) record;
        Map<String, Object> fields = line.fields();
        try {
            OffsetDateTime loggedAt = timestamp(fields);
            if (!isMonitoredVersion(fields.get(MODEL_VERSION))) {
                return new MonitoredLine.OtherVersion(line.location());
            }
            String prompt = text(fields, PROMPT);
            String output = text(fields, OUTPUT);
            EvalCase formatCase = formatCase(fields.get(CASE));
            List<String> promptTokens = TextMetrics.tokens(prompt);
            long[] bins = new long[vocabulary == null ? 0 : vocabulary.bins()];
            if (vocabulary != null) {
                vocabulary.count(promptTokens, bins);
            }
            OutputScorer.Outcome outcome = scorer.score(output, formatCase);
            return new MonitoredLine.Scored(line.location(), loggedAt, modelVersion, promptTokens.size(),
                    TextMetrics.tokens(output).size(), bins, outcome.safetyPassed(),
                    formatCase == null ? null : formatCase.name(), outcome.formatPassed(), outcome.piiEntities(),
                    outcome.findings());
        } catch (FieldProblem problem) {
            return new MonitoredLine.Malformed(line.location(), problem.field, problem.getMessage());
        }
    }

    private static OffsetDateTime timestamp(Map<String, Object> fields) {
        String value = text(fields, TIMESTAMP);
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new FieldProblem(TIMESTAMP, "must be an ISO-8601 timestamp with offset, e.g. 2026-11-29T10:15:30Z");
        }
    }

    private boolean isMonitoredVersion(Object value) {
        if (value == null) {
            throw new FieldProblem(MODEL_VERSION, "missing required field");
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue() == modelVersion;
        }
        if (!(value instanceof String text)) {
            throw new FieldProblem(MODEL_VERSION, "must be a version number or \"NAME:VERSION\"");
        }
        int colon = text.lastIndexOf(':');
        String name = colon < 0 ? modelName : text.substring(0, colon);
        try {
            return name.equals(modelName) && Integer.parseInt(text.substring(colon + 1).strip()) == modelVersion;
        } catch (NumberFormatException e) {
            throw new FieldProblem(MODEL_VERSION, "must be a version number or \"NAME:VERSION\"");
        }
    }

    private EvalCase formatCase(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String name)) {
            throw new FieldProblem(CASE, "must be the name of a format_compliance case of the suite");
        }
        return scorer.formatCase(name).orElseThrow(() -> new FieldProblem(CASE,
                "names no format_compliance case of the suite; known: " + scorer.formatCaseNames()));
    }

    private static String text(Map<String, Object> fields, String field) {
        Object value = fields.get(field);
        if (value == null) {
            throw new FieldProblem(field, "missing required field");
        }
        if (!(value instanceof String text)) {
            throw new FieldProblem(field, "must be a string");
        }
        return text;
    }

    /** A field-level problem; its message names the problem, never the value. */
    private static final class FieldProblem extends RuntimeException {
        private final String field;

        FieldProblem(String field, String problem) {
            super(problem, null, false, false);
            this.field = field;
        }
    }
}
