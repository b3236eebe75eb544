package io.tunebatch.lineage;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Reads where a source document's content went, and writes erasures. */
@Repository
public class LineageRepository {

    /** The examples of one document, as a subquery on :system and :document. */
    private static final String EXAMPLES_OF_DOCUMENT =
            "SELECT example_id FROM example_source WHERE source_system = :system AND source_document_id = :document";

    static final String ERASED_TEXT = "[erased]";

    private final NamedParameterJdbcTemplate jdbc;

    public LineageRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ErasureImpact impact(String system, String document) {
        MapSqlParameterSource params = new MapSqlParameterSource("system", system).addValue("document", document);
        Map<String, String> hashes = new LinkedHashMap<>();
        jdbc.query("SELECT id, content_hash FROM training_example WHERE id IN (" + EXAMPLES_OF_DOCUMENT + ") ORDER BY id",
                params, rs -> {
                    hashes.put(rs.getString(1), rs.getString(2));
                });
        Map<String, Set<String>> otherDocuments = new LinkedHashMap<>();
        hashes.keySet().forEach(id -> otherDocuments.put(id, new TreeSet<>()));
        jdbc.query("""
                SELECT s.example_id, s.source_system, s.source_document_id FROM example_source s
                WHERE s.example_id IN (%s)
                  AND NOT (s.source_system = :system AND s.source_document_id = :document)
                  AND NOT EXISTS (SELECT 1 FROM erasure_request r
                                  WHERE r.source_system = s.source_system AND r.source_document_id = s.source_document_id)
                """.formatted(EXAMPLES_OF_DOCUMENT), params, rs -> {
                    otherDocuments.get(rs.getString(1)).add(rs.getString(2) + ":" + rs.getString(3));
                });
        Set<String> alreadyErased = new TreeSet<>(jdbc.queryForList(
                "SELECT example_id FROM erased_example WHERE example_id IN (" + EXAMPLES_OF_DOCUMENT + ")", params, String.class));
        List<ErasureImpact.Example> examples = new ArrayList<>();
        hashes.forEach((id, hash) -> examples.add(new ErasureImpact.Example(id, hash, alreadyErased.contains(id),
                List.copyOf(otherDocuments.get(id)))));
        List<ErasureImpact.Snapshot> snapshots = jdbc.query("""
                SELECT ds.id, ds.fingerprint, ds.created_at, COUNT(*) FROM dataset_snapshot ds
                JOIN snapshot_example m ON m.snapshot_id = ds.id
                WHERE m.example_id IN (%s)
                GROUP BY ds.id, ds.fingerprint, ds.created_at ORDER BY ds.created_at, ds.id""".formatted(EXAMPLES_OF_DOCUMENT),
                params, (rs, i) -> new ErasureImpact.Snapshot(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getLong(4)));
        List<ErasureImpact.ModelVersionUse> models = jdbc.query("""
                SELECT v.id, v.model_name, v.version, st.stage, v.snapshot_id FROM model_version v
                JOIN model_version_stage st ON st.model_version_id = v.id
                WHERE v.snapshot_id IN (SELECT m.snapshot_id FROM snapshot_example m WHERE m.example_id IN (%s))
                ORDER BY v.model_name, v.version""".formatted(EXAMPLES_OF_DOCUMENT),
                params, (rs, i) -> new ErasureImpact.ModelVersionUse(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5)));
        List<ErasureImpact.PastRequest> past = jdbc.query("""
                SELECT id, requested_by, requested_at FROM erasure_request
                WHERE source_system = :system AND source_document_id = :document ORDER BY id""",
                params, (rs, i) -> new ErasureImpact.PastRequest(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class)));
        return new ErasureImpact(system, document, examples, snapshots, models, past);
    }

    long insertRequest(String system, String document, String by, String reason, OffsetDateTime at, int erased, int kept,
                       int originalsDeleted, Long taskExecutionId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO erasure_request (source_system, source_document_id, requested_by, reason, requested_at,
                    examples_erased, examples_kept, originals_deleted, task_execution_id)
                VALUES (:system, :document, :by, :reason, :at, :erased, :kept, :originals, :task)""",
                new MapSqlParameterSource("system", system).addValue("document", document).addValue("by", by)
                        .addValue("reason", reason).addValue("at", at).addValue("erased", erased).addValue("kept", kept)
                        .addValue("originals", originalsDeleted).addValue("task", taskExecutionId),
                keys, new String[] {"id"});
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Destroys the text and the encrypted originals of the examples; returns the originals deleted. */
    int destroyContent(Collection<String> exampleIds) {
        if (exampleIds.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", exampleIds).addValue("erased", ERASED_TEXT);
        int originals = jdbc.update("DELETE FROM pii_original WHERE example_id IN (:ids)", ids);
        jdbc.update("UPDATE training_example SET instruction = :erased, input_text = :erased, output_text = :erased "
                + "WHERE id IN (:ids)", ids);
        return originals;
    }

    void markErased(Collection<String> exampleIds, long erasureRequestId) {
        jdbc.batchUpdate("INSERT INTO erased_example (example_id, erasure_request_id) VALUES (:id, :request)",
                exampleIds.stream().map(id -> new MapSqlParameterSource("id", id).addValue("request", erasureRequestId))
                        .toArray(MapSqlParameterSource[]::new));
    }

    void flagForRetraining(Collection<ErasureImpact.ModelVersionUse> versions, long erasureRequestId, OffsetDateTime at) {
        jdbc.batchUpdate("""
                INSERT INTO retraining_flag (model_version_id, erasure_request_id, snapshot_id, stage_at_request, flagged_at)
                VALUES (:version, :request, :snapshot, :stage, :at)""",
                versions.stream().map(v -> new MapSqlParameterSource("version", v.modelVersionId())
                        .addValue("request", erasureRequestId).addValue("snapshot", v.snapshotId())
                        .addValue("stage", v.stage()).addValue("at", at)).toArray(MapSqlParameterSource[]::new));
    }
}
