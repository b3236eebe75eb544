-- The evidence tables are append-only: the database itself refuses UPDATE, DELETE and TRUNCATE
-- on them. A table added later that must be append-only gets the same triggers in its own migration.

CREATE FUNCTION tunebatch_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'record a new row (a correction, a rollback, a new decision) instead';
END
$$;

CREATE TRIGGER eval_run_append_only BEFORE UPDATE OR DELETE ON eval_run FOR EACH ROW EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER eval_run_no_truncate BEFORE TRUNCATE ON eval_run FOR EACH STATEMENT EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER eval_result_append_only BEFORE UPDATE OR DELETE ON eval_result FOR EACH ROW EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER eval_result_no_truncate BEFORE TRUNCATE ON eval_result FOR EACH STATEMENT EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER registered_model_append_only BEFORE UPDATE OR DELETE ON registered_model FOR EACH ROW EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER registered_model_no_truncate BEFORE TRUNCATE ON registered_model FOR EACH STATEMENT EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER model_version_append_only BEFORE UPDATE OR DELETE ON model_version FOR EACH ROW EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER model_version_no_truncate BEFORE TRUNCATE ON model_version FOR EACH STATEMENT EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER model_promotion_append_only BEFORE UPDATE OR DELETE ON model_promotion FOR EACH ROW EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER model_promotion_no_truncate BEFORE TRUNCATE ON model_promotion FOR EACH STATEMENT EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER model_rollback_append_only BEFORE UPDATE OR DELETE ON model_rollback FOR EACH ROW EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER model_rollback_no_truncate BEFORE TRUNCATE ON model_rollback FOR EACH STATEMENT EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER model_transition_append_only BEFORE UPDATE OR DELETE ON model_transition FOR EACH ROW EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER model_transition_no_truncate BEFORE TRUNCATE ON model_transition FOR EACH STATEMENT EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER ab_comparison_append_only BEFORE UPDATE OR DELETE ON ab_comparison FOR EACH ROW EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER ab_comparison_no_truncate BEFORE TRUNCATE ON ab_comparison FOR EACH STATEMENT EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER review_decision_append_only BEFORE UPDATE OR DELETE ON review_decision FOR EACH ROW EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER review_decision_no_truncate BEFORE TRUNCATE ON review_decision FOR EACH STATEMENT EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER pii_original_access_append_only BEFORE UPDATE OR DELETE ON pii_original_access FOR EACH ROW EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER pii_original_access_no_truncate BEFORE TRUNCATE ON pii_original_access FOR EACH STATEMENT EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER dataset_snapshot_append_only BEFORE UPDATE OR DELETE ON dataset_snapshot FOR EACH ROW EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER dataset_snapshot_no_truncate BEFORE TRUNCATE ON dataset_snapshot FOR EACH STATEMENT EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER snapshot_example_append_only BEFORE UPDATE OR DELETE ON snapshot_example FOR EACH ROW EXECUTE FUNCTION tunebatch_refuse_change();
CREATE TRIGGER snapshot_example_no_truncate BEFORE TRUNCATE ON snapshot_example FOR EACH STATEMENT EXECUTE FUNCTION tunebatch_refuse_change();
