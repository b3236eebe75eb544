package io.tunebatch.snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Snapshot rows: members first, then the sealing row that makes the snapshot exist. */
@Repository
public class SnapshotRepository {

    private static final String COLUMNS =
            "id, fingerprint, example_count, source_count, created_at, job_instance_id, job_execution_id";
    /** Canaries planted for a snapshot that are members of it. */
    private static final String CANARY_COUNT = "SELECT COUNT(*) FROM snapshot_canary c "
            + "JOIN snapshot_example m ON m.snapshot_id = c.snapshot_id AND m.example_id = c.example_id WHERE c.snapshot_id = ";
    private static final String SELECT = "SELECT " + COLUMNS + ", (" + CANARY_COUNT + "dataset_snapshot.id) FROM dataset_snapshot";

    private final NamedParameterJdbcTemplate jdbc;

    public SnapshotRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void addMembers(String snapshotId, List<? extends SnapshotMember> members) {
        jdbc.batchUpdate("INSERT INTO snapshot_example (snapshot_id, example_id, content_hash) VALUES (:snapshot, :id, :hash)",
                members.stream().map(m -> new MapSqlParameterSource().addValue("snapshot", snapshotId)
                        .addValue("id", m.exampleId()).addValue("hash", m.contentHash())).toArray(MapSqlParameterSource[]::new));
    }

    /** Computes the fingerprint and counts from the members and writes the snapshot row. */
    DatasetSnapshot seal(String snapshotId, long jobInstanceId, long jobExecutionId) {
        MessageDigest digest = sha256();
        long[] count = {0};
        jdbc.query("SELECT content_hash FROM snapshot_example WHERE snapshot_id = :id ORDER BY content_hash",
                Map.of("id", snapshotId), (RowCallbackHandler) rs -> {
                    digest.update((rs.getString(1) + "\n").getBytes(StandardCharsets.US_ASCII));
                    count[0]++;
                });
        long sources = jdbc.queryForObject("""
                SELECT COUNT(*) FROM (SELECT DISTINCT s.source_system, s.source_document_id
                  FROM snapshot_example m JOIN example_source s ON s.example_id = m.example_id
                  WHERE m.snapshot_id = :id) d""", Map.of("id", snapshotId), Long.class);
        long canaries = jdbc.queryForObject(CANARY_COUNT + ":id", Map.of("id", snapshotId), Long.class);
        DatasetSnapshot snapshot = new DatasetSnapshot(snapshotId, HexFormat.of().formatHex(digest.digest()), count[0],
                sources, Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC), jobInstanceId, jobExecutionId,
                canaries);
        jdbc.update("INSERT INTO dataset_snapshot (" + COLUMNS + ") VALUES (:id, :fingerprint, :examples, :sources, :createdAt, :instance, :job)",
                new MapSqlParameterSource().addValue("id", snapshot.id()).addValue("fingerprint", snapshot.fingerprint())
                        .addValue("examples", snapshot.exampleCount()).addValue("sources", snapshot.sourceCount())
                        .addValue("createdAt", snapshot.createdAt()).addValue("instance", jobInstanceId)
                        .addValue("job", jobExecutionId));
        return snapshot;
    }

    public Optional<DatasetSnapshot> find(String id) {
        return jdbc.query(SELECT + " WHERE id = :id", Map.of("id", id),
                (rs, i) -> snapshot(rs)).stream().findFirst();
    }

    public Optional<DatasetSnapshot> findByJobInstance(long jobInstanceId) {
        return jdbc.query(SELECT + " WHERE job_instance_id = :instance",
                Map.of("instance", jobInstanceId), (rs, i) -> snapshot(rs)).stream().findFirst();
    }

    public List<DatasetSnapshot> list() {
        return jdbc.query(SELECT + " ORDER BY created_at DESC, id", (rs, i) -> snapshot(rs));
    }

    /**
     * Streams the snapshot's examples with their sources, ordered by example id then source:
     * one row per (example, source).
     */
    void forEachExampleSource(String snapshotId, RowCallbackHandler handler) {
        jdbc.query("""
                SELECT e.id, e.content_hash, e.instruction, e.input_text, e.output_text, s.source_system, s.source_document_id
                FROM snapshot_example m
                JOIN training_example e ON e.id = m.example_id
                JOIN example_source s ON s.example_id = e.id
                WHERE m.snapshot_id = :id
                ORDER BY e.id, s.source_system, s.source_document_id, s.id""", Map.of("id", snapshotId), handler);
    }

    private static DatasetSnapshot snapshot(ResultSet rs) throws SQLException {
        return new DatasetSnapshot(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                rs.getObject(5, OffsetDateTime.class), rs.getLong(6), rs.getLong(7), rs.getLong(8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
