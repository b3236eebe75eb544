-- Auditor views: every "which data made this model, who let it through, what went wrong" question
-- answered with one SELECT on one view. They expose identifiers, counts, people, times, reasons and
-- hashes, never example text or PII values. V52 grants them (and nothing else) to the read-only
-- role tunebatch_auditor. docs/audit.md has the example queries. H2 has the same views
-- (sql/h2); only the string aggregate differs (string_agg here, LISTAGG there).

-- Model version → training job execution → dataset snapshot → example → source record: one row
-- per (model version, snapshot example, source record). A model version without a snapshot has no
-- data lineage and does not appear.
CREATE VIEW auditor_model_lineage AS
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
       CASE WHEN EXISTS (SELECT 1 FROM erased_example x WHERE x.example_id = se.example_id) THEN TRUE ELSE FALSE END AS example_erased
FROM model_version v
JOIN model_version_stage st ON st.model_version_id = v.id
JOIN dataset_snapshot ds ON ds.id = v.snapshot_id
JOIN snapshot_example se ON se.snapshot_id = ds.id
JOIN example_source es ON es.example_id = se.example_id
LEFT JOIN BATCH_JOB_EXECUTION tj ON tj.JOB_EXECUTION_ID = v.training_job_execution_id
LEFT JOIN BATCH_JOB_INSTANCE ti ON ti.JOB_INSTANCE_ID = tj.JOB_INSTANCE_ID;

-- Every example with each of its source records, its review and PII state, the number of
-- snapshots it is in, and whether a GDPR erasure took it out of future snapshots. No text.
CREATE VIEW auditor_example_source AS
SELECT e.id                      AS example_id,
       e.content_hash,
       e.review_status,
       e.pii_scan_result,
       (SELECT COUNT(*) FROM pii_detection d WHERE d.example_id = e.id)       AS pii_detections,
       (SELECT COUNT(*) FROM snapshot_example m WHERE m.example_id = e.id)    AS snapshot_count,
       CASE WHEN EXISTS (SELECT 1 FROM erased_example x WHERE x.example_id = e.id) THEN TRUE ELSE FALSE END AS erased,
       e.created_at,
       e.ingest_job_execution_id,
       s.source_system,
       s.source_document_id,
       s.source_uri,
       s.record_number,
       s.line_number,
       s.job_execution_id        AS lineage_job_execution_id
FROM training_example e
JOIN example_source s ON s.example_id = e.id;

-- Dataset snapshots with the prepare run that sealed them.
CREATE VIEW auditor_snapshot AS
SELECT ds.id                  AS snapshot_id,
       ds.fingerprint,
       ds.example_count,
       ds.source_count,
       ds.created_at,
       ds.job_instance_id,
       ds.job_execution_id,
       j.STATUS               AS job_status,
       (SELECT COUNT(*) FROM model_version v WHERE v.snapshot_id = ds.id) AS model_versions
FROM dataset_snapshot ds
LEFT JOIN BATCH_JOB_EXECUTION j ON j.JOB_EXECUTION_ID = ds.job_execution_id;

-- Promotions (four-eyes approvals) and rollbacks, one row each, with the evaluation evidence.
-- action = 'promote': version moved from_stage → to_stage; other_version is the version it replaced.
-- action = 'rollback': version left production; other_version is the version restored, and the
-- eval columns are the restored version's registration evaluation.
CREATE VIEW auditor_model_decision AS
SELECT 'promote'               AS action,
       v.model_name,
       v.version,
       p.model_version_id,
       p.from_stage,
       p.to_stage,
       p.approver              AS decided_by,
       p.trainer,
       p.reason,
       p.approved_at           AS decided_at,
       p.eval_run_id,
       p.eval_pass_rate,
       p.gate_threshold,
       r.suite_name            AS eval_suite,
       p.eval_report_path,
       p.eval_report_sha256,
       rv.version              AS other_version,
       p.task_execution_id
FROM model_promotion p
JOIN model_version v ON v.id = p.model_version_id
JOIN eval_run r ON r.id = p.eval_run_id
LEFT JOIN model_version rv ON rv.id = p.replaced_version_id
UNION ALL
SELECT 'rollback',
       f.model_name,
       f.version,
       b.from_version_id,
       'production',
       'archived',
       b.performed_by,
       f.trained_by,
       b.reason,
       b.rolled_back_at,
       t.eval_run_id,
       t.eval_pass_rate,
       r.gate_threshold,
       r.suite_name,
       r.report_json_path,
       r.report_sha256,
       t.version,
       b.task_execution_id
FROM model_rollback b
JOIN model_version f ON f.id = b.from_version_id
JOIN model_version t ON t.id = b.to_version_id
JOIN eval_run r ON r.id = t.eval_run_id;

-- Every job execution with its place among the executions of its job instance (attempt 1 is the
-- first run, higher attempts are restarts), how the instance ended (the status of its latest
-- execution), the failed steps, and the Spring Cloud Task execution (the command) that ran it.
CREATE VIEW auditor_job_history AS
SELECT i.JOB_NAME                   AS job_name,
       i.JOB_INSTANCE_ID            AS job_instance_id,
       j.JOB_EXECUTION_ID           AS job_execution_id,
       ROW_NUMBER() OVER (PARTITION BY j.JOB_INSTANCE_ID ORDER BY j.JOB_EXECUTION_ID)   AS attempt,
       COUNT(*) OVER (PARTITION BY j.JOB_INSTANCE_ID)                                   AS instance_executions,
       FIRST_VALUE(j.STATUS) OVER (PARTITION BY j.JOB_INSTANCE_ID ORDER BY j.JOB_EXECUTION_ID DESC) AS instance_final_status,
       j.STATUS                     AS status,
       j.EXIT_CODE                  AS exit_code,
       j.EXIT_MESSAGE               AS exit_message,
       j.CREATE_TIME                AS created_at,
       j.START_TIME                 AS started_at,
       j.END_TIME                   AS ended_at,
       (SELECT string_agg(s.STEP_NAME, ',' ORDER BY s.STEP_EXECUTION_ID) FROM BATCH_STEP_EXECUTION s
         WHERE s.JOB_EXECUTION_ID = j.JOB_EXECUTION_ID AND s.STATUS = 'FAILED')            AS failed_steps,
       t.TASK_EXECUTION_ID          AS task_execution_id,
       t.TASK_NAME                  AS task_name,
       t.EXIT_CODE                  AS task_exit_code,
       t.ERROR_MESSAGE              AS task_error_message
FROM BATCH_JOB_EXECUTION j
JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = j.JOB_INSTANCE_ID
LEFT JOIN TASK_TASK_BATCH tb ON tb.JOB_EXECUTION_ID = j.JOB_EXECUTION_ID
LEFT JOIN TASK_EXECUTION t ON t.TASK_EXECUTION_ID = tb.TASK_EXECUTION_ID;

-- Every step execution with its counts and outcome.
CREATE VIEW auditor_step_history AS
SELECT i.JOB_NAME             AS job_name,
       j.JOB_INSTANCE_ID      AS job_instance_id,
       s.JOB_EXECUTION_ID     AS job_execution_id,
       s.STEP_EXECUTION_ID    AS step_execution_id,
       s.STEP_NAME            AS step_name,
       s.STATUS               AS status,
       s.EXIT_CODE            AS exit_code,
       s.EXIT_MESSAGE         AS exit_message,
       s.READ_COUNT           AS read_count,
       s.WRITE_COUNT          AS write_count,
       s.FILTER_COUNT         AS filter_count,
       s.READ_SKIP_COUNT + s.PROCESS_SKIP_COUNT + s.WRITE_SKIP_COUNT AS skip_count,
       s.COMMIT_COUNT         AS commit_count,
       s.ROLLBACK_COUNT       AS rollback_count,
       s.START_TIME           AS started_at,
       s.END_TIME             AS ended_at
FROM BATCH_STEP_EXECUTION s
JOIN BATCH_JOB_EXECUTION j ON j.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = j.JOB_INSTANCE_ID;

-- Everything a prepare run refused, by reason: input records rejected at ingest (stage 'ingest',
-- reason = why the record could not be read; no example) and examples that failed validation
-- (stage 'validate', reason = the rule, detail = what broke it). Never raw field content.
CREATE VIEW auditor_rejection AS
SELECT 'ingest'             AS stage,
       j.JOB_INSTANCE_ID    AS job_instance_id,
       r.job_execution_id,
       r.source_uri,
       r.record_number,
       r.line_number,
       r.field,
       CAST(NULL AS VARCHAR(19)) AS example_id,
       r.reason,
       CAST(NULL AS VARCHAR(1000)) AS detail,
       r.created_at
FROM rejected_record r
JOIN BATCH_JOB_EXECUTION j ON j.JOB_EXECUTION_ID = r.job_execution_id
UNION ALL
SELECT 'validate',
       j.JOB_INSTANCE_ID,
       vi.job_execution_id,
       NULL,
       NULL,
       NULL,
       NULL,
       vi.example_id,
       vi.rule,
       vi.detail,
       CAST(j.CREATE_TIME AS TIMESTAMP WITH TIME ZONE)
FROM validation_issue vi
JOIN BATCH_JOB_EXECUTION j ON j.JOB_EXECUTION_ID = vi.job_execution_id;

-- PII findings by entity type: where (example, field, offsets), how sure, which recognizer.
-- Never the value: that exists only encrypted in pii_original, which auditors cannot read.
CREATE VIEW auditor_pii_detection AS
SELECT d.entity_type,
       d.example_id,
       d.field,
       d.start_offset,
       d.end_offset,
       d.score,
       d.recognizer,
       d.job_execution_id,
       e.review_status
FROM pii_detection d
JOIN training_example e ON e.id = d.example_id;

-- Human review decisions with the command (task execution) that recorded them.
CREATE VIEW auditor_review_decision AS
SELECT rd.id                 AS decision_id,
       rd.example_id,
       rd.decision,
       rd.annotator,
       rd.note,
       rd.channel,
       rd.decided_at,
       rd.task_execution_id,
       t.TASK_NAME           AS task_name
FROM review_decision rd
LEFT JOIN TASK_EXECUTION t ON t.TASK_EXECUTION_ID = rd.task_execution_id;

-- Every decryption of a PII original: who, why, when, which example.
CREATE VIEW auditor_pii_access AS
SELECT a.id                  AS access_id,
       a.example_id,
       a.accessed_by,
       a.purpose,
       a.accessed_at,
       a.task_execution_id,
       t.TASK_NAME           AS task_name
FROM pii_original_access a
LEFT JOIN TASK_EXECUTION t ON t.TASK_EXECUTION_ID = a.task_execution_id;

-- The catch-all audit trail (registrations, evaluations, erasures, mirror failures).
CREATE VIEW auditor_audit_event AS
SELECT id AS event_id, occurred_at, actor, action, subject_type, subject_id, detail, job_execution_id, task_execution_id
FROM audit_event;

-- GDPR erasure requests: which document, who asked, why, what it did.
CREATE VIEW auditor_erasure AS
SELECT r.id                 AS erasure_request_id,
       r.source_system,
       r.source_document_id,
       r.requested_by,
       r.reason,
       r.requested_at,
       r.examples_erased,
       r.examples_kept,
       r.originals_deleted,
       (SELECT COUNT(*) FROM retraining_flag f WHERE f.erasure_request_id = r.id) AS model_versions_flagged,
       r.task_execution_id
FROM erasure_request r;

-- Model versions that must be retrained because an erased document was in their training data,
-- with the stage they were in at the request and the stage they are in now.
CREATE VIEW auditor_retraining_required AS
SELECT v.model_name,
       v.version,
       f.model_version_id,
       f.stage_at_request,
       st.stage               AS current_stage,
       f.snapshot_id,
       f.erasure_request_id,
       r.source_system,
       r.source_document_id,
       f.flagged_at
FROM retraining_flag f
JOIN model_version v ON v.id = f.model_version_id
JOIN model_version_stage st ON st.model_version_id = v.id
JOIN erasure_request r ON r.id = f.erasure_request_id;
