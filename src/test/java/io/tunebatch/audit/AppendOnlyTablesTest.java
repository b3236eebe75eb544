package io.tunebatch.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunebatch.support.TestDatabases.Database;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

class AppendOnlyTablesTest {

    private static final String NOW = "TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05+00'";
    private static final String HASH = "'" + "a".repeat(64) + "'";

    /** Each append-only table with the statement that changes its one fixture row. */
    private static final List<List<String>> TABLES = List.of(
            List.of("review_decision", "UPDATE review_decision SET decision = 'rejected'"),
            List.of("pii_original_access", "UPDATE pii_original_access SET purpose = 'other'"),
            List.of("dataset_snapshot", "UPDATE dataset_snapshot SET example_count = 0"),
            List.of("snapshot_example", "UPDATE snapshot_example SET content_hash = " + HASH.replace('a', 'b')),
            List.of("eval_run", "UPDATE eval_run SET pass_rate = 1.0"),
            List.of("eval_result", "UPDATE eval_result SET passed = TRUE"),
            List.of("registered_model", "UPDATE registered_model SET created_by = 'mallory'"),
            List.of("model_version", "UPDATE model_version SET eval_pass_rate = 1.0"),
            List.of("model_promotion", "UPDATE model_promotion SET reason = 'other'"),
            List.of("model_rollback", "UPDATE model_rollback SET reason = 'other'"),
            List.of("model_transition", "UPDATE model_transition SET to_stage = 'production'"),
            List.of("ab_comparison", "UPDATE ab_comparison SET pass_rate_b = 1.0"),
            List.of("audit_event", "UPDATE audit_event SET actor = 'mallory'"));

    @ParameterizedTest
    @MethodSource("io.tunebatch.support.TestDatabases#both")
    void databaseRefusesUpdateAndDeleteOnEvidenceTables(Database database) {
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        insertOneRowEach(jdbc);

        for (List<String> table : TABLES) {
            String name = table.get(0);
            assertThatThrownBy(() -> jdbc.update(table.get(1)))
                    .as("UPDATE on %s (%s)", name, database)
                    .rootCause().isInstanceOf(SQLException.class)
                    .hasMessageContaining(name + " is append-only")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> jdbc.update("DELETE FROM " + name))
                    .as("DELETE on %s (%s)", name, database)
                    .rootCause().hasMessageContaining(name + " is append-only: DELETE refused");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + name, Integer.class)).as(name).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT pass_rate FROM eval_run", Double.class)).isEqualTo(0.5);
    }

    @ParameterizedTest
    @MethodSource("io.tunebatch.support.TestDatabases#both")
    void databaseRefusesTruncate(Database database) {
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        insertOneRowEach(jdbc);

        for (List<String> table : TABLES) {
            String name = table.get(0);
            // PostgreSQL: the statement trigger (CASCADE, so foreign keys cannot be what stops it);
            // H2: no TRUNCATE triggers, but the empty guard table's foreign keys
            String truncate = "TRUNCATE TABLE " + name + (database.vendor().equals("postgresql") ? " CASCADE" : "");
            assertThatThrownBy(() -> jdbc.execute(truncate)).as("TRUNCATE %s (%s)", name, database)
                    .rootCause().message().containsAnyOf("is append-only: TRUNCATE refused",
                            "Cannot truncate \"PUBLIC." + name.toUpperCase(java.util.Locale.ROOT) + "\"");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + name, Integer.class)).as(name).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("io.tunebatch.support.TestDatabases#both")
    void appendingStillWorks(Database database) {
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        insertOneRowEach(jdbc);
        jdbc.update("INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, detail) "
                + "VALUES (" + NOW + ", 'bob', 'second', 'model', 'm', '{}')");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Integer.class)).isEqualTo(2);
    }

    private static void insertOneRowEach(JdbcTemplate jdbc) {
        jdbc.update("INSERT INTO training_example (id, content_hash, normalized_hash, instruction, input_text, output_text, "
                + "review_status, created_at, ingest_job_execution_id) VALUES ('te_0123456789abcdef', " + HASH + ", " + HASH
                + ", 'i', '', 'o', 'approved', " + NOW + ", 1)");
        jdbc.update("INSERT INTO review_decision (example_id, decision, annotator, channel, decided_at) "
                + "VALUES ('te_0123456789abcdef', 'approved', 'ann', 'cli', " + NOW + ")");
        jdbc.update("INSERT INTO pii_original_access (example_id, accessed_by, purpose, accessed_at) "
                + "VALUES ('te_0123456789abcdef', 'dpo', 'review', " + NOW + ")");
        jdbc.update("INSERT INTO dataset_snapshot (id, fingerprint, example_count, source_count, created_at, job_instance_id, "
                + "job_execution_id) VALUES ('snap-1', " + HASH + ", 1, 1, " + NOW + ", 1, 1)");
        jdbc.update("INSERT INTO snapshot_example (snapshot_id, example_id, content_hash) VALUES ('snap-1', 'te_0123456789abcdef', "
                + HASH + ")");
        jdbc.update("INSERT INTO eval_run (id, suite_name, suite_path, suite_sha256, subject, case_count, passed_count, pass_rate, "
                + "gate_threshold, gate_passed, report_json_path, report_html_path, report_sha256, evaluated_by, started_at, "
                + "finished_at) VALUES (1, 's', 's.yaml', " + HASH + ", 'outputs', 2, 1, 0.5, 0.95, FALSE, 'r.json', 'r.html', "
                + HASH + ", 'alice', " + NOW + ", " + NOW + ")");
        jdbc.update("INSERT INTO eval_result (eval_run_id, case_index, case_name, case_type, metric, score, threshold, passed, "
                + "detail, output_redacted, output_sha256) VALUES (1, 0, 'c', 'accuracy', 'exact', 0, 0.8, FALSE, 'd', 'o', "
                + HASH + ")");
        jdbc.update("INSERT INTO registered_model (name, created_by, created_at) VALUES ('m', 'alice', " + NOW + ")");
        jdbc.update("INSERT INTO model_version (id, model_name, version, base_model, trained_by, eval_run_id, eval_pass_rate, "
                + "hyperparameters, model_card_path, registered_by, registered_at) VALUES (1, 'm', 1, 'base', 'alice', 1, 0.5, "
                + "'{}', 'card.md', 'alice', " + NOW + ")");
        jdbc.update("INSERT INTO model_promotion (model_version_id, from_stage, to_stage, approver, trainer, reason, eval_run_id, "
                + "eval_pass_rate, gate_threshold, eval_report_path, eval_report_sha256, approved_at) VALUES (1, 'development', "
                + "'staging', 'bob', 'alice', 'reviewed', 1, 0.5, 0.95, 'r.json', " + HASH + ", " + NOW + ")");
        jdbc.update("INSERT INTO model_rollback (model_name, from_version_id, to_version_id, performed_by, reason, rolled_back_at) "
                + "VALUES ('m', 1, 1, 'dave', 'incident', " + NOW + ")");
        jdbc.update("INSERT INTO ab_comparison (version_a_id, version_b_id, eval_run_a_id, eval_run_b_id, suite_sha256, case_count, "
                + "pass_rate_a, pass_rate_b, only_a_passed, only_b_passed, mcnemar_p_value, mean_score_diff, ci_low, ci_high, ci_level, "
                + "bootstrap_samples, bootstrap_seed, compared_by, compared_at) VALUES (1, 1, 1, 1, " + HASH + ", 2, 0.5, 0.5, 0, 0, "
                + "1.0, 0.0, 0.0, 0.0, 0.95, 10, 1, 'eve', " + NOW + ")");
        jdbc.update("INSERT INTO model_transition (model_version_id, to_stage, cause, actor, happened_at) "
                + "VALUES (1, 'development', 'register', 'alice', " + NOW + ")");
        jdbc.update("INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, detail) "
                + "VALUES (" + NOW + ", 'alice', 'first', 'model', 'm', '{}')");
    }
}
