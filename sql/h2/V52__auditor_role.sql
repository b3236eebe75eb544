-- The read-only auditor role: SELECT on the auditor views (V51) and nothing else — no base table,
-- no pii_original, no write. Give a database user access with
--   CREATE USER alice_audit PASSWORD '...'; GRANT tunebatch_auditor TO alice_audit;
-- H2 checks the rights on the view only, so granting the views is enough.
CREATE ROLE IF NOT EXISTS tunebatch_auditor;
GRANT SELECT ON auditor_model_lineage, auditor_example_source, auditor_snapshot, auditor_model_decision, auditor_job_history, auditor_step_history, auditor_rejection, auditor_pii_detection, auditor_review_decision, auditor_pii_access, auditor_audit_event, auditor_erasure, auditor_retraining_required TO tunebatch_auditor;
