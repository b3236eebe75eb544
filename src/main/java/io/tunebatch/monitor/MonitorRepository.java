package io.tunebatch.monitor;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;

/** The monitor tables: lines, findings, log errors and token bins per chunk; one run row per verdict. */
@Repository
public class MonitorRepository {

    private final JdbcTemplate jdbc;

    public MonitorRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the suite of an eval run was, and which exact content it had. */
    record RegisteredSuite(String path, String sha256) {
    }

    RegisteredSuite suiteOf(long evalRunId) {
        return jdbc.queryForObject("SELECT suite_path, suite_sha256 FROM eval_run WHERE id = ?",
                (rs, i) -> new RegisteredSuite(rs.getString(1), rs.getString(2)), evalRunId);
    }

    void insertLines(List<MonitoredLine.Scored> lines, long jobInstanceId, long jobExecutionId) {
        jdbc.batchUpdate("""
                INSERT INTO monitor_line (job_instance_id, job_execution_id, source_uri, line_number, logged_at, model_version,
                  prompt_tokens, output_tokens, safety_passed, format_case, format_passed, pii_entities)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                lines.stream().map(l -> new Object[] {jobInstanceId, jobExecutionId, l.location().sourceUri(),
                        l.location().lineNumber(), l.loggedAt().withOffsetSameInstant(ZoneOffset.UTC), l.modelVersion(),
                        l.promptTokens(), l.outputTokens(), l.safetyPassed(), l.formatCase(),
                        new SqlParameterValue(Types.BOOLEAN, l.formatPassed()), l.piiEntities()}).toList());
        List<Object[]> findings = new ArrayList<>();
        for (MonitoredLine.Scored line : lines) {
            for (Finding f : line.findings()) {
                findings.add(new Object[] {jobInstanceId, jobExecutionId, line.location().sourceUri(), line.location().lineNumber(),
                        f.checkType(), f.caseName(), f.metric(), new SqlParameterValue(Types.DOUBLE, f.score()), f.entityType(),
                        new SqlParameterValue(Types.INTEGER, f.entityCount()), truncate(f.detail(), 2000)});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO monitor_finding (job_instance_id, job_execution_id, source_uri, line_number, check_type, case_name,
                  metric, score, entity_type, entity_count, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", findings);
    }

    void insertErrors(List<MonitoredLine.Malformed> errors, long jobInstanceId, long jobExecutionId) {
        jdbc.batchUpdate("""
                INSERT INTO monitor_log_error (job_instance_id, job_execution_id, source_uri, line_number, field, problem)
                VALUES (?, ?, ?, ?, ?, ?)""",
                errors.stream().map(e -> new Object[] {jobInstanceId, jobExecutionId, e.location().sourceUri(),
                        e.location().lineNumber(), e.field(), truncate(e.problem(), 1000)}).toList());
    }

    /** Adds a chunk's prompt token counts to the run's bins. */
    void addTokenBins(long jobInstanceId, long[] counts) {
        for (int bin = 0; bin < counts.length; bin++) {
            if (counts[bin] == 0) {
                continue;
            }
            int updated = jdbc.update("UPDATE monitor_token_bin SET token_count = token_count + ? WHERE job_instance_id = ? AND bin_index = ?",
                    counts[bin], jobInstanceId, bin);
            if (updated == 0) {
                jdbc.update("INSERT INTO monitor_token_bin (job_instance_id, bin_index, token_count) VALUES (?, ?, ?)",
                        jobInstanceId, bin, counts[bin]);
            }
        }
    }

    int[] promptLengths(long jobInstanceId) {
        return jdbc.queryForList("SELECT prompt_tokens FROM monitor_line WHERE job_instance_id = ?", Integer.class, jobInstanceId)
                .stream().mapToInt(Integer::intValue).toArray();
    }

    long[] tokenBins(long jobInstanceId, int bins) {
        long[] counts = new long[bins];
        jdbc.query("SELECT bin_index, token_count FROM monitor_token_bin WHERE job_instance_id = ?",
                rs -> {
                    counts[rs.getInt(1)] = rs.getLong(2);
                }, jobInstanceId);
        return counts;
    }

    /** PII spans found in the run's outputs, per entity type. */
    Map<String, Long> piiByEntityType(long jobInstanceId) {
        Map<String, Long> byType = new LinkedHashMap<>();
        jdbc.query("""
                SELECT entity_type, SUM(entity_count) FROM monitor_finding WHERE job_instance_id = ? AND check_type = 'pii_leakage'
                GROUP BY entity_type ORDER BY entity_type""", rs -> {
                    byType.put(rs.getString(1), rs.getLong(2));
                }, jobInstanceId);
        return byType;
    }

    /** The first malformed lines, as "file:line, field 'f': problem". */
    List<String> firstErrors(long jobInstanceId, int limit) {
        return jdbc.query("""
                SELECT source_uri, line_number, field, problem FROM monitor_log_error WHERE job_instance_id = ?
                ORDER BY source_uri, line_number FETCH FIRST %d ROWS ONLY""".formatted(limit),
                (rs, i) -> rs.getString(1) + ":" + rs.getLong(2) + (rs.getString(3) == null ? "" : ", field '" + rs.getString(3) + "'")
                        + ": " + rs.getString(4), jobInstanceId);
    }

    void insertRun(MonitorVerdict v, Long taskExecutionId) {
        jdbc.update("""
                INSERT INTO monitor_run (job_instance_id, job_execution_id, task_execution_id, model_name, model_version,
                  model_version_id, suite_name, suite_sha256, snapshot_id, logs, lines_read, lines_scored, other_version_lines,
                  malformed_lines, safety_failures, format_checked, format_failures, pii_leaks, safety_failure_rate,
                  format_failure_rate, pii_leak_rate, prompt_length_psi, prompt_token_psi, passed, thresholds_crossed, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                v.jobInstanceId(), v.jobExecutionId(), taskExecutionId, v.modelName(), v.modelVersion(), v.modelVersionId(),
                v.suiteName(), v.suiteSha256(), v.snapshotId(), v.logs(), v.counts().read(), v.counts().scored(),
                v.counts().otherVersion(), v.counts().malformed(), v.counts().safetyFailures(), v.counts().formatChecked(),
                v.counts().formatFailures(), v.counts().piiLeaks(), v.safetyFailureRate(), v.formatFailureRate(),
                v.piiLeakRate(), new SqlParameterValue(Types.DOUBLE, v.promptLengthPsi()),
                new SqlParameterValue(Types.DOUBLE, v.promptTokenPsi()), v.passed(),
                v.crossed().isEmpty() ? null : truncate(String.join("\n", v.crossed()), 4000),
                v.finishedAt().withOffsetSameInstant(ZoneOffset.UTC));
    }

    Optional<MonitorVerdict> findRun(long jobInstanceId) {
        return jdbc.query("""
                SELECT job_instance_id, job_execution_id, model_name, model_version, model_version_id, suite_name, suite_sha256,
                  snapshot_id, logs, lines_read, lines_scored, other_version_lines, malformed_lines, safety_failures,
                  format_checked, format_failures, pii_leaks, safety_failure_rate, format_failure_rate, pii_leak_rate,
                  prompt_length_psi, prompt_token_psi, passed, thresholds_crossed, finished_at
                FROM monitor_run WHERE job_instance_id = ?""", (rs, i) -> new MonitorVerdict(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                new LineCounts(rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15),
                        rs.getLong(16), rs.getLong(17)),
                rs.getDouble(18), rs.getDouble(19), rs.getDouble(20), nullableDouble(rs.getObject(21)),
                nullableDouble(rs.getObject(22)), rs.getBoolean(23),
                rs.getString(24) == null ? List.of() : List.of(rs.getString(24).split("\n")),
                rs.getObject(25, OffsetDateTime.class)), jobInstanceId).stream().findFirst();
    }

    private static Double nullableDouble(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
