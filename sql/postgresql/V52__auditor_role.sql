-- The read-only auditor role: SELECT on the auditor views (V51) and nothing else — no base table,
-- no pii_original, no write. NOLOGIN: give a person access with
--   CREATE ROLE alice_audit LOGIN PASSWORD '...' IN ROLE tunebatch_auditor;
-- Views run with their owner's rights on the tables beneath, so granting the views is enough.
-- Roles belong to the whole server, so an existing tunebatch_auditor is reused. Where the
-- migrating user may not create roles, a DBA creates it first (CREATE ROLE tunebatch_auditor
-- NOLOGIN); without it this migration only leaves a notice, and docs/audit.md has the GRANT to run.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tunebatch_auditor') THEN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolcreaterole OR rolsuper)) THEN
            RAISE NOTICE 'role tunebatch_auditor does not exist and % may not create roles; ask a DBA to create it and run the grants in docs/audit.md', current_user;
            RETURN;
        END IF;
        CREATE ROLE tunebatch_auditor NOLOGIN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO tunebatch_auditor', current_schema());
    GRANT SELECT ON auditor_model_lineage, auditor_example_source, auditor_snapshot, auditor_model_decision, auditor_job_history, auditor_step_history, auditor_rejection, auditor_pii_detection, auditor_review_decision, auditor_pii_access, auditor_audit_event, auditor_erasure, auditor_retraining_required TO tunebatch_auditor;
END
$$;
