-- H2 fires no trigger on TRUNCATE, but refuses to truncate a table that a foreign key references.
-- This table stays empty; its only purpose is to reference every append-only table.
CREATE TABLE append_only_truncate_guard (
    eval_run_id            BIGINT REFERENCES eval_run (id),
    eval_result_run_id     BIGINT,
    eval_result_case_name  VARCHAR(200),
    registered_model_name  VARCHAR(200) REFERENCES registered_model (name),
    model_version_id       BIGINT REFERENCES model_version (id),
    model_promotion_id     BIGINT REFERENCES model_promotion (id),
    model_rollback_id      BIGINT REFERENCES model_rollback (id),
    model_transition_id    BIGINT REFERENCES model_transition (id),
    ab_comparison_id       BIGINT REFERENCES ab_comparison (id),
    audit_event_id         BIGINT REFERENCES audit_event (id),
    review_decision_id     BIGINT REFERENCES review_decision (id),
    pii_original_access_id BIGINT REFERENCES pii_original_access (id),
    dataset_snapshot_id    VARCHAR(40) REFERENCES dataset_snapshot (id),
    snapshot_id            VARCHAR(40),
    snapshot_example_id    VARCHAR(19),
    FOREIGN KEY (eval_result_run_id, eval_result_case_name) REFERENCES eval_result (eval_run_id, case_name),
    FOREIGN KEY (snapshot_id, snapshot_example_id) REFERENCES snapshot_example (snapshot_id, example_id),
    CONSTRAINT append_only_truncate_guard_empty CHECK (FALSE)
);
