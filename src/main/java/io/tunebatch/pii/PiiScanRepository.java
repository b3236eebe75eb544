package io.tunebatch.pii;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes scan results: anonymized text and status, detections, sealed originals. */
@Repository
class PiiScanRepository {

    private final NamedParameterJdbcTemplate jdbc;

    PiiScanRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(List<? extends ScannedExample> scanned, long jobExecutionId, String keyId) {
        List<MapSqlParameterSource> examples = new ArrayList<>();
        List<MapSqlParameterSource> detections = new ArrayList<>();
        List<MapSqlParameterSource> originals = new ArrayList<>();
        for (ScannedExample example : scanned) {
            boolean detected = example.detected();
            examples.add(new MapSqlParameterSource()
                    .addValue("id", example.exampleId())
                    .addValue("instruction", example.fields().get(ExampleText.INSTRUCTION).anonymizedText())
                    .addValue("input", example.fields().get(ExampleText.INPUT).anonymizedText())
                    .addValue("output", example.fields().get(ExampleText.OUTPUT).anonymizedText())
                    .addValue("result", detected ? "detected" : "clean")
                    .addValue("job", jobExecutionId)
                    .addValue("detected", detected));
            example.fields().forEach((field, scan) -> {
                for (PiiSpan span : scan.spans()) {
                    detections.add(new MapSqlParameterSource()
                            .addValue("exampleId", example.exampleId())
                            .addValue("field", field)
                            .addValue("type", span.entityType())
                            .addValue("start", span.start())
                            .addValue("end", span.end())
                            .addValue("score", span.score())
                            .addValue("recognizer", span.recognizer())
                            .addValue("job", jobExecutionId));
                }
                if (scan.sealedOriginal() != null) {
                    originals.add(new MapSqlParameterSource()
                            .addValue("exampleId", example.exampleId())
                            .addValue("field", field)
                            .addValue("ciphertext", scan.sealedOriginal())
                            .addValue("keyId", keyId)
                            .addValue("job", jobExecutionId));
                }
            });
        }
        // A flagged example goes back to the review queue: any earlier approval never saw its PII.
        int[] updated = jdbc.batchUpdate("""
                UPDATE training_example SET instruction = :instruction, input_text = :input, output_text = :output,
                    pii_scan_result = :result, pii_scan_job_execution_id = :job,
                    review_status = CASE WHEN :detected THEN 'pending' ELSE review_status END
                WHERE id = :id AND pii_scan_result IS NULL""", examples.toArray(MapSqlParameterSource[]::new));
        // Findings only for the examples this chunk marked: one that another execution scanned meanwhile
        // (a partition re-run while its presumed-dead worker was still committing) keeps its first findings.
        java.util.Set<String> marked = new java.util.HashSet<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] != 0) {
                marked.add((String) examples.get(i).getValue("id"));
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO pii_detection (example_id, field, entity_type, start_offset, end_offset, score, recognizer, job_execution_id)
                VALUES (:exampleId, :field, :type, :start, :end, :score, :recognizer, :job)""",
                detections.stream().filter(d -> marked.contains((String) d.getValue("exampleId"))).toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("""
                INSERT INTO pii_original (example_id, field, ciphertext, key_id, job_execution_id)
                VALUES (:exampleId, :field, :ciphertext, :keyId, :job)""",
                originals.stream().filter(o -> marked.contains((String) o.getValue("exampleId"))).toArray(MapSqlParameterSource[]::new));
    }
}
