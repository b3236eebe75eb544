-- The evidence tables are append-only: the database itself refuses UPDATE and DELETE on them
-- (H2 has no trigger language, so a Java trigger does it: io.tunebatch.audit.AppendOnlyTrigger).
-- A table added later that must be append-only gets the same two lines in its own migration.

CREATE TRIGGER eval_run_append_only BEFORE UPDATE, DELETE ON eval_run FOR EACH ROW CALL 'io.tunebatch.audit.AppendOnlyTrigger';
CREATE TRIGGER eval_result_append_only BEFORE UPDATE, DELETE ON eval_result FOR EACH ROW CALL 'io.tunebatch.audit.AppendOnlyTrigger';
CREATE TRIGGER registered_model_append_only BEFORE UPDATE, DELETE ON registered_model FOR EACH ROW CALL 'io.tunebatch.audit.AppendOnlyTrigger';
CREATE TRIGGER model_version_append_only BEFORE UPDATE, DELETE ON model_version FOR EACH ROW CALL 'io.tunebatch.audit.AppendOnlyTrigger';
CREATE TRIGGER model_promotion_append_only BEFORE UPDATE, DELETE ON model_promotion FOR EACH ROW CALL 'io.tunebatch.audit.AppendOnlyTrigger';
CREATE TRIGGER model_rollback_append_only BEFORE UPDATE, DELETE ON model_rollback FOR EACH ROW CALL 'io.tunebatch.audit.AppendOnlyTrigger';
CREATE TRIGGER model_transition_append_only BEFORE UPDATE, DELETE ON model_transition FOR EACH ROW CALL 'io.tunebatch.audit.AppendOnlyTrigger';
CREATE TRIGGER ab_comparison_append_only BEFORE UPDATE, DELETE ON ab_comparison FOR EACH ROW CALL 'io.tunebatch.audit.AppendOnlyTrigger';
CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event FOR EACH ROW CALL 'io.tunebatch.audit.AppendOnlyTrigger';
CREATE TRIGGER review_decision_append_only BEFORE UPDATE, DELETE ON review_decision FOR EACH ROW CALL 'io.tunebatch.audit.AppendOnlyTrigger';
CREATE TRIGGER pii_original_access_append_only BEFORE UPDATE, DELETE ON pii_original_access FOR EACH ROW CALL 'io.tunebatch.audit.AppendOnlyTrigger';
CREATE TRIGGER dataset_snapshot_append_only BEFORE UPDATE, DELETE ON dataset_snapshot FOR EACH ROW CALL 'io.tunebatch.audit.AppendOnlyTrigger';
CREATE TRIGGER snapshot_example_append_only BEFORE UPDATE, DELETE ON snapshot_example FOR EACH ROW CALL 'io.tunebatch.audit.AppendOnlyTrigger';
