package io.tunebatch.ingest;

import io.tunebatch.lineage.SourceReference;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes training examples, their lineage and rejected records (tables owned by ingest). */
@Repository
public class IngestRepository {

    private final NamedParameterJdbcTemplate jdbc;

    public IngestRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The subset of the given example ids that already exist. */
    Set<String> existingExampleIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT id FROM training_example WHERE id IN (:ids)",
                new MapSqlParameterSource("ids", ids), String.class));
    }

    public void insertExamples(List<IngestItem.Accepted> examples, long jobExecutionId) {
        OffsetDateTime now = now();
        MapSqlParameterSource[] rows = examples.stream().map(e -> new MapSqlParameterSource()
                .addValue("id", e.content().exampleId())
                .addValue("contentHash", e.content().contentHash())
                .addValue("normalizedHash", e.content().normalizedHash())
                .addValue("instruction", e.content().instruction())
                .addValue("input", e.content().input())
                .addValue("output", e.content().output())
                .addValue("annotator", e.annotatorId())
                .addValue("review", e.reviewStatus().dbValue())
                .addValue("createdAt", now)
                .addValue("job", jobExecutionId)).toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("""
                INSERT INTO training_example (id, content_hash, normalized_hash, instruction, input_text, output_text,
                    annotator_id, review_status, created_at, ingest_job_execution_id)
                VALUES (:id, :contentHash, :normalizedHash, :instruction, :input, :output,
                    :annotator, :review, :createdAt, :job)""", rows);
    }

    /** Lineage keys (example id, source uri, record number) already recorded for these examples. */
    Set<String> existingLineageKeys(Collection<String> exampleIds) {
        if (exampleIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.query(
                "SELECT example_id, source_uri, record_number FROM example_source WHERE example_id IN (:ids)",
                new MapSqlParameterSource("ids", exampleIds),
                (rs, i) -> lineageKey(rs.getString(1), rs.getString(2), rs.getLong(3))));
    }

    public void insertLineage(List<IngestItem.Accepted> items, long jobExecutionId) {
        OffsetDateTime now = now();
        List<MapSqlParameterSource> rows = new ArrayList<>(items.size());
        for (IngestItem.Accepted item : items) {
            SourceReference source = item.source();
            rows.add(new MapSqlParameterSource()
                    .addValue("exampleId", item.content().exampleId())
                    .addValue("system", source.sourceSystem())
                    .addValue("document", source.sourceDocumentId())
                    .addValue("uri", source.sourceUri())
                    .addValue("record", source.recordNumber())
                    .addValue("line", source.lineNumber())
                    .addValue("job", jobExecutionId)
                    .addValue("createdAt", now));
        }
        jdbc.batchUpdate("""
                INSERT INTO example_source (example_id, source_system, source_document_id, source_uri,
                    record_number, line_number, job_execution_id, created_at)
                VALUES (:exampleId, :system, :document, :uri, :record, :line, :job, :createdAt)""",
                rows.toArray(MapSqlParameterSource[]::new));
    }

    void insertRejected(List<IngestItem.Rejected> rejected, long jobExecutionId) {
        OffsetDateTime now = now();
        MapSqlParameterSource[] rows = rejected.stream().map(r -> new MapSqlParameterSource()
                .addValue("job", jobExecutionId)
                .addValue("uri", r.location().sourceUri())
                .addValue("record", r.location().recordNumber() == 0 ? null : r.location().recordNumber())
                .addValue("line", r.location().lineNumber() == 0 ? null : r.location().lineNumber())
                .addValue("field", r.field())
                .addValue("reason", r.reason())
                .addValue("createdAt", now)).toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("""
                INSERT INTO rejected_record (job_execution_id, source_uri, record_number, line_number, field, reason, created_at)
                VALUES (:job, :uri, :record, :line, :field, :reason, :createdAt)""", rows);
    }

    static String lineageKey(String exampleId, String sourceUri, long recordNumber) {
        return exampleId + '\u0000' + sourceUri + '\u0000' + recordNumber;
    }

    static OffsetDateTime now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
