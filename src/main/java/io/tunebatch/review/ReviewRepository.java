package io.tunebatch.review;

import io.tunebatch.lineage.ReviewStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the review queue and records decisions and decryptions (both append-only). */
@Repository
class ReviewRepository {

    /** A sealed original as stored: which field, the ciphertext, and the key that sealed it. */
    record SealedOriginal(String field, String ciphertext, String keyId) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    ReviewRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ReviewItem> pending(ReviewPolicy policy, int limit) {
        String flaggedOnly = policy == ReviewPolicy.FLAGGED ? " AND pii_scan_result = 'detected'" : "";
        return jdbc.query("SELECT id, review_status, pii_scan_result, instruction, input_text, output_text "
                        + "FROM training_example WHERE review_status = 'pending'" + flaggedOnly + " ORDER BY id LIMIT :limit",
                new MapSqlParameterSource("limit", limit), (rs, i) -> item(rs, List.of(), Map.of(), List.of()));
    }

    long countPending(ReviewPolicy policy) {
        String flaggedOnly = policy == ReviewPolicy.FLAGGED ? " AND pii_scan_result = 'detected'" : "";
        return jdbc.queryForObject("SELECT COUNT(*) FROM training_example WHERE review_status = 'pending'" + flaggedOnly,
                Map.of(), Long.class);
    }

    Optional<ReviewItem> find(String exampleId, Map<String, String> originals) {
        List<ReviewItem.Finding> findings = jdbc.query("""
                SELECT field, entity_type, start_offset, end_offset, score, recognizer FROM pii_detection
                WHERE example_id = :id ORDER BY field, start_offset""", Map.of("id", exampleId),
                (rs, i) -> new ReviewItem.Finding(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getDouble(5), rs.getString(6)));
        List<ReviewDecision> decisions = decisions(exampleId);
        return jdbc.query("SELECT id, review_status, pii_scan_result, instruction, input_text, output_text "
                        + "FROM training_example WHERE id = :id", Map.of("id", exampleId),
                (rs, i) -> item(rs, findings, originals, decisions)).stream().findFirst();
    }

    List<SealedOriginal> sealedOriginals(String exampleId) {
        return jdbc.query("SELECT field, ciphertext, key_id FROM pii_original WHERE example_id = :id ORDER BY field",
                Map.of("id", exampleId), (rs, i) -> new SealedOriginal(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    Set<String> existing(Collection<String> exampleIds) {
        return new HashSet<>(jdbc.queryForList("SELECT id FROM training_example WHERE id IN (:ids)",
                Map.of("ids", exampleIds), String.class));
    }

    void recordDecisions(List<ReviewDecision> decisions, Long taskExecutionId) {
        for (ReviewDecision d : decisions) {
            jdbc.update("""
                    INSERT INTO review_decision (example_id, decision, annotator, note, channel, decided_at, task_execution_id)
                    VALUES (:id, :decision, :annotator, :note, :channel, :at, :task)""", new MapSqlParameterSource()
                    .addValue("id", d.exampleId())
                    .addValue("decision", d.decision().dbValue())
                    .addValue("annotator", d.annotator())
                    .addValue("note", d.note())
                    .addValue("channel", d.channel())
                    .addValue("at", d.decidedAt())
                    .addValue("task", taskExecutionId));
            jdbc.update("UPDATE training_example SET review_status = :status, annotator_id = :annotator WHERE id = :id",
                    Map.of("status", d.decision().dbValue(), "annotator", d.annotator(), "id", d.exampleId()));
        }
    }

    void recordAccess(String exampleId, String accessedBy, String purpose, OffsetDateTime at, Long taskExecutionId) {
        jdbc.update("""
                INSERT INTO pii_original_access (example_id, accessed_by, purpose, accessed_at, task_execution_id)
                VALUES (:id, :by, :purpose, :at, :task)""", new MapSqlParameterSource()
                .addValue("id", exampleId).addValue("by", accessedBy).addValue("purpose", purpose)
                .addValue("at", at).addValue("task", taskExecutionId));
    }

    private List<ReviewDecision> decisions(String exampleId) {
        return jdbc.query("""
                SELECT example_id, decision, annotator, note, channel, decided_at FROM review_decision
                WHERE example_id = :id ORDER BY decided_at, id""", Map.of("id", exampleId),
                (rs, i) -> new ReviewDecision(rs.getString(1), ReviewStatus.parse(rs.getString(2)).orElseThrow(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)));
    }

    private static ReviewItem item(ResultSet rs, List<ReviewItem.Finding> findings, Map<String, String> originals,
                                   List<ReviewDecision> decisions) throws SQLException {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("instruction", rs.getString(4));
        text.put("input", rs.getString(5));
        text.put("output", rs.getString(6));
        return new ReviewItem(rs.getString(1), rs.getString(2), rs.getString(3), text, findings, originals, decisions);
    }
}
