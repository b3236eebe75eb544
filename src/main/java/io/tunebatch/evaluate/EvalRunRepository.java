package io.tunebatch.evaluate;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** {@code eval_run} and {@code eval_result}: written once per run, never changed. */
@Repository
public class EvalRunRepository {

    private final JdbcClient jdbc;

    public EvalRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored summary of a run, as the registry needs it. */
    public record EvalRun(long id, String suiteName, String suiteSha256, String subject, String adapterSha256,
                          Long modelVersionId, int caseCount, int passedCount, double passRate, double gateThreshold,
                          boolean gatePassed, String reportJsonPath, String reportHtmlPath, String reportSha256) {
    }

    long insert(EvaluationReport report, ReportFiles files, EvalSubject subject, String evaluatedBy,
                Long jobExecutionId, Long taskExecutionId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO eval_run (suite_name, suite_path, suite_sha256, subject, base_model, adapter_sha256, "
                        + "model_version_id, case_count, passed_count, pass_rate, gate_threshold, gate_passed, report_json_path, "
                        + "report_html_path, report_sha256, evaluated_by, started_at, finished_at, job_execution_id, "
                        + "task_execution_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(report.suiteName(), report.suitePath(), report.suiteSha256(), subject.description(),
                        subject.baseModel(), subject.adapterSha256(), subject.modelVersionId(), report.caseCount(),
                        report.passedCount(), report.passRate(), report.gateThreshold(), report.gatePassed(),
                        files.json().toString(), files.html().toString(), files.sha256(), evaluatedBy,
                        report.startedAt().atOffset(ZoneOffset.UTC), report.finishedAt().atOffset(ZoneOffset.UTC),
                        jobExecutionId, taskExecutionId)
                .update(keys, "id");
        long runId = keys.getKeyAs(Number.class).longValue();
        for (CaseResult result : report.results()) {
            jdbc.sql("INSERT INTO eval_result (eval_run_id, case_index, case_name, case_type, metric, score, threshold, "
                            + "passed, detail, output_redacted, output_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(runId, result.index(), result.name(), result.type(), result.metric(), result.score(),
                            result.threshold(), result.passed(), truncate(result.detail(), 2000), result.outputRedacted(),
                            result.outputSha256())
                    .update();
        }
        return runId;
    }

    public Optional<EvalRun> find(long id) {
        return jdbc.sql(SELECT_RUN + " WHERE id = ?").param(id).query(EvalRun.class).optional();
    }

    /** The newest run of the given suite for a registered version, if it was evaluated again after registration. */
    public Optional<EvalRun> latestForVersion(long modelVersionId, String suiteSha256) {
        return jdbc.sql(SELECT_RUN + " WHERE model_version_id = ? AND suite_sha256 = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .params(modelVersionId, suiteSha256).query(EvalRun.class).optional();
    }

    /** The newest run an evaluate step of this job instance stored, in whichever of its executions. */
    public Optional<EvalRun> latestOfJobInstance(long jobInstanceId) {
        return jdbc.sql(SELECT_RUN + " WHERE job_execution_id IN (SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION "
                        + "WHERE JOB_INSTANCE_ID = ?) ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param(jobInstanceId).query(EvalRun.class).optional();
    }

    public List<String> failingCases(long evalRunId) {
        return jdbc.sql("SELECT case_name FROM eval_result WHERE eval_run_id = ? AND passed = FALSE ORDER BY case_index")
                .param(evalRunId).query(String.class).list();
    }

    /** Per-case score and pass/fail of a run, in suite order, for comparisons. */
    public record CaseOutcome(String caseName, double score, boolean passed, String outputSha256) {
    }

    public List<CaseOutcome> outcomes(long evalRunId) {
        return jdbc.sql("SELECT case_name, score, passed, output_sha256 FROM eval_result WHERE eval_run_id = ? ORDER BY case_index")
                .param(evalRunId).query(CaseOutcome.class).list();
    }

    private static final String SELECT_RUN = "SELECT id, suite_name, suite_sha256, subject, adapter_sha256, model_version_id, "
            + "case_count, passed_count, pass_rate, gate_threshold, gate_passed, report_json_path, report_html_path, "
            + "report_sha256 FROM eval_run";

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
