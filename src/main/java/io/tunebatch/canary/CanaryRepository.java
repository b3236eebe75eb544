package io.tunebatch.canary;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The snapshot_canary table: canaries planted for a snapshot. */
@Repository
public class CanaryRepository {

    private final NamedParameterJdbcTemplate jdbc;

    public CanaryRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String snapshotId, List<Canary> canaries) {
        var createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        jdbc.batchUpdate("""
                INSERT INTO snapshot_canary (snapshot_id, canary_number, example_id, prompt, secret, created_at)
                VALUES (:snapshot, :number, :example, :prompt, :secret, :createdAt)""",
                canaries.stream().map(c -> new MapSqlParameterSource().addValue("snapshot", snapshotId)
                        .addValue("number", c.number()).addValue("example", c.exampleId()).addValue("prompt", c.prompt())
                        .addValue("secret", c.secret()).addValue("createdAt", createdAt)).toArray(MapSqlParameterSource[]::new));
    }

    /** Whether canaries were already planted under this snapshot id (by an earlier try of the same run). */
    boolean planted(String snapshotId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM snapshot_canary WHERE snapshot_id = :snapshot",
                Map.of("snapshot", snapshotId), Long.class) > 0;
    }

    /** The canaries that are in the sealed snapshot (members of it), by number. */
    public List<Canary> inSnapshot(String snapshotId) {
        return jdbc.query("""
                SELECT c.canary_number, c.prompt, c.secret FROM snapshot_canary c
                JOIN dataset_snapshot s ON s.id = c.snapshot_id
                JOIN snapshot_example m ON m.snapshot_id = c.snapshot_id AND m.example_id = c.example_id
                WHERE c.snapshot_id = :snapshot ORDER BY c.canary_number""",
                Map.of("snapshot", snapshotId), (rs, i) -> new Canary(rs.getInt(1), rs.getString(2), rs.getString(3)));
    }
}
