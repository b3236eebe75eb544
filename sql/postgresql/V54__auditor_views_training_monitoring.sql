-- Auditor views, second part: auditor_model_lineage now also reaches the training run (the
-- selected candidate of the training job and its hyper-parameters; new columns at the end), all
-- candidates of a model's training job, production monitoring and drift reports. Same rules as
-- V51: identifiers, counts, scores, people, times, never example text, prompts, outputs or PII.

-- Model version → training job → selected training run → snapshot → example → source record.
CREATE OR REPLACE VIEW auditor_model_lineage AS
SELECT v.model_name,
       v.version,
       v.id                        AS model_version_id,
       st.stage,
       v.trained_by,
       v.registered_at,
       v.training_job_execution_id,
       ti.JOB_NAME                 AS training_job_name,
       tj.STATUS                   AS training_status,
       tj.START_TIME               AS training_started_at,
       tj.END_TIME                 AS training_ended_at,
       ds.id                       AS snapshot_id,
       ds.fingerprint              AS snapshot_fingerprint,
       ds.job_execution_id         AS snapshot_job_execution_id,
       se.example_id,
       se.content_hash,
       es.source_system,
       es.source_document_id,
       es.source_uri,
       es.record_number,
       es.line_number,
       es.job_execution_id         AS ingest_job_execution_id,
       CASE WHEN EXISTS (SELECT 1 FROM erased_example x WHERE x.example_id = se.example_id) THEN TRUE ELSE FALSE END AS example_erased,
       sel.training_run_id,
       tr.partition_name           AS training_partition,
       tr.lora_rank,
       tr.lora_alpha,
       tr.learning_rate,
       tr.settings_json            AS training_settings,
       tr.held_out_loss,
       tr.adapter_sha256           AS training_adapter_sha256
FROM model_version v
JOIN model_version_stage st ON st.model_version_id = v.id
JOIN dataset_snapshot ds ON ds.id = v.snapshot_id
JOIN snapshot_example se ON se.snapshot_id = ds.id
JOIN example_source es ON es.example_id = se.example_id
LEFT JOIN BATCH_JOB_EXECUTION tj ON tj.JOB_EXECUTION_ID = v.training_job_execution_id
LEFT JOIN BATCH_JOB_INSTANCE ti ON ti.JOB_INSTANCE_ID = tj.JOB_INSTANCE_ID
LEFT JOIN training_selection sel ON sel.job_instance_id = tj.JOB_INSTANCE_ID
LEFT JOIN training_run tr ON tr.id = sel.training_run_id;

-- Every training candidate (partition) of the job that trained a model version, with its
-- hyper-parameters and outcome; selected = the candidate whose adapter the train job selected.
CREATE VIEW auditor_training_candidate AS
SELECT v.model_name,
       v.version,
       v.id                         AS model_version_id,
       v.training_job_execution_id,
       tr.job_instance_id           AS training_job_instance_id,
       tr.job_execution_id          AS candidate_job_execution_id,
       tr.id                        AS training_run_id,
       tr.partition_name,
       CASE WHEN sel.training_run_id = tr.id THEN TRUE ELSE FALSE END AS selected,
       sel.criterion                AS selection_criterion,
       tr.snapshot_id,
       tr.snapshot_fingerprint,
       tr.base_model,
       tr.device,
       tr.lora_rank,
       tr.lora_alpha,
       tr.learning_rate,
       tr.settings_json             AS settings,
       tr.training_examples,
       tr.held_out_examples,
       tr.status,
       tr.steps,
       tr.held_out_loss,
       tr.adapter_sha256,
       tr.started_at,
       tr.finished_at
FROM model_version v
JOIN BATCH_JOB_EXECUTION tj ON tj.JOB_EXECUTION_ID = v.training_job_execution_id
JOIN training_run tr ON tr.job_instance_id = tj.JOB_INSTANCE_ID
LEFT JOIN training_selection sel ON sel.job_instance_id = tr.job_instance_id;

-- Production monitoring runs: which version, which suite, what was read, the rates, the prompt
-- drift against the training snapshot, and the thresholds crossed (one per line), with the job
-- and the command (task execution) that ran it.
CREATE VIEW auditor_monitor_run AS
SELECT m.model_name,
       m.model_version,
       m.model_version_id,
       m.suite_name,
       m.suite_sha256,
       m.snapshot_id,
       m.logs,
       m.lines_read,
       m.lines_scored,
       m.other_version_lines,
       m.malformed_lines,
       m.safety_failures,
       m.format_checked,
       m.format_failures,
       m.pii_leaks,
       m.safety_failure_rate,
       m.format_failure_rate,
       m.pii_leak_rate,
       m.prompt_length_psi,
       m.prompt_token_psi,
       m.passed,
       m.thresholds_crossed,
       m.finished_at,
       m.job_instance_id,
       m.job_execution_id,
       j.STATUS                AS job_status,
       m.task_execution_id,
       t.TASK_NAME             AS task_name
FROM monitor_run m
LEFT JOIN BATCH_JOB_EXECUTION j ON j.JOB_EXECUTION_ID = m.job_execution_id
LEFT JOIN TASK_EXECUTION t ON t.TASK_EXECUTION_ID = m.task_execution_id;

-- What went wrong in production, line by line: failed safety and format cases, PII leaked by
-- entity type (with count), and log lines that could not be scored (issue 'malformed_line', with
-- the field and problem). File and line locate the log line; no prompt, output or value is kept.
CREATE VIEW auditor_monitor_issue AS
SELECT f.check_type            AS issue,
       f.job_instance_id,
       f.job_execution_id,
       r.model_name,
       r.model_version,
       f.source_uri,
       f.line_number,
       f.case_name,
       f.metric,
       f.score,
       f.entity_type,
       f.entity_count,
       CAST(NULL AS VARCHAR(200)) AS field,
       f.detail
FROM monitor_finding f
LEFT JOIN monitor_run r ON r.job_instance_id = f.job_instance_id
UNION ALL
SELECT 'malformed_line',
       e.job_instance_id,
       e.job_execution_id,
       r.model_name,
       r.model_version,
       e.source_uri,
       e.line_number,
       NULL,
       NULL,
       NULL,
       NULL,
       NULL,
       e.field,
       e.problem
FROM monitor_log_error e
LEFT JOIN monitor_run r ON r.job_instance_id = e.job_instance_id;

-- Drift reports, one row per feature: fresh data against a snapshot, PSI, shift level, and the
-- report's retraining recommendation, with the job and command that produced it.
CREATE VIEW auditor_drift_report AS
SELECT d.id                    AS drift_report_id,
       d.snapshot_id,
       d.snapshot_fingerprint,
       d.source,
       d.reference_examples,
       d.current_records,
       d.rejected_records,
       d.recommendation,
       d.max_psi,
       f.feature,
       f.psi,
       f.level,
       f.bins,
       d.created_at,
       d.job_instance_id,
       d.job_execution_id,
       d.task_execution_id,
       t.TASK_NAME             AS task_name
FROM drift_report d
JOIN drift_feature f ON f.drift_report_id = d.id
LEFT JOIN TASK_EXECUTION t ON t.TASK_EXECUTION_ID = d.task_execution_id;

-- The read-only auditor role (V52) may read the new views; where it does not exist, V52 left a
-- notice and docs/audit.md has the grants to run.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tunebatch_auditor') THEN
        GRANT SELECT ON auditor_model_lineage, auditor_training_candidate, auditor_monitor_run, auditor_monitor_issue, auditor_drift_report TO tunebatch_auditor;
    END IF;
END
$$;
