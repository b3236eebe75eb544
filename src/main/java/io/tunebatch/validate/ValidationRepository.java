package io.tunebatch.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Validation results and issues, and the summaries read back from them per prepare run. */
@Repository
public class ValidationRepository {

    /** Rows of one prepare run: all job executions (first run and restarts) of one job instance. */
    static final String OF_INSTANCE =
            "job_execution_id IN (SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = :instance)";

    private final NamedParameterJdbcTemplate jdbc;

    public ValidationRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * normalized hash → smallest example id, for groups with more than one example. Erased examples
     * take no part: a near-duplicate of erased content from another document is the one kept.
     */
    Map<String, String> nearDuplicateGroups() {
        Map<String, String> groups = new HashMap<>();
        jdbc.query("SELECT normalized_hash, MIN(id) FROM training_example "
                        + "WHERE id NOT IN (SELECT example_id FROM erased_example) GROUP BY normalized_hash HAVING COUNT(*) > 1",
                rs -> {
                    groups.put(rs.getString(1), rs.getString(2));
                });
        return groups;
    }

    void save(List<? extends ValidationOutcome> outcomes, long jobExecutionId) {
        List<MapSqlParameterSource> results = new ArrayList<>();
        List<MapSqlParameterSource> issues = new ArrayList<>();
        for (ValidationOutcome outcome : outcomes) {
            results.add(new MapSqlParameterSource().addValue("job", jobExecutionId)
                    .addValue("id", outcome.exampleId()).addValue("valid", outcome.valid()));
            for (ValidationOutcome.Issue issue : outcome.issues()) {
                issues.add(new MapSqlParameterSource().addValue("job", jobExecutionId).addValue("id", outcome.exampleId())
                        .addValue("rule", issue.rule()).addValue("detail", issue.detail()));
            }
        }
        jdbc.batchUpdate("INSERT INTO validation_result (job_execution_id, example_id, valid) VALUES (:job, :id, :valid)",
                results.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("INSERT INTO validation_issue (job_execution_id, example_id, rule, detail) VALUES (:job, :id, :rule, :detail)",
                issues.toArray(MapSqlParameterSource[]::new));
    }

    /** Valid and invalid counts and invalid examples per rule for one prepare run. */
    public ValidationSummary summary(long jobInstanceId) {
        Map<String, Object> params = Map.of("instance", jobInstanceId);
        long valid = jdbc.queryForObject("SELECT COUNT(*) FROM validation_result WHERE valid AND " + OF_INSTANCE, params, Long.class);
        long invalid = jdbc.queryForObject("SELECT COUNT(*) FROM validation_result WHERE NOT valid AND " + OF_INSTANCE, params, Long.class);
        Map<String, Long> byRule = new LinkedHashMap<>();
        jdbc.query("SELECT rule, COUNT(*) FROM validation_issue WHERE " + OF_INSTANCE + " GROUP BY rule ORDER BY rule",
                params, rs -> {
                    byRule.put(rs.getString(1), rs.getLong(2));
                });
        return new ValidationSummary(valid, invalid, byRule);
    }

    /** Invalid examples of one prepare run with their issues, for the report. */
    List<Map<String, Object>> issues(long jobInstanceId) {
        Map<String, Map<String, Object>> byExample = new LinkedHashMap<>();
        jdbc.query("SELECT example_id, rule, detail FROM validation_issue WHERE " + OF_INSTANCE + " ORDER BY example_id, rule",
                Map.of("instance", jobInstanceId), rs -> {
                    Map<String, Object> entry = byExample.computeIfAbsent(rs.getString(1), id -> {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("example_id", id);
                        e.put("issues", new ArrayList<Map<String, String>>());
                        return e;
                    });
                    @SuppressWarnings("unchecked")
                    List<Map<String, String>> list = (List<Map<String, String>>) entry.get("issues");
                    list.add(Map.of("rule", rs.getString(2), "detail", rs.getString(3)));
                });
        return new ArrayList<>(byExample.values());
    }
}
