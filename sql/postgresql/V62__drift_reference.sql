-- What a drift report compared the fresh data with: 'population', every example the snapshot's
-- prepare run validated (flagged, unreviewed and invalid ones included), or 'snapshot', its members
-- only. Reports stored before the choice existed compared with the snapshot; new rows always name
-- it, so the default goes once it has filled them in.
ALTER TABLE drift_report ADD COLUMN reference VARCHAR(16) DEFAULT 'snapshot' NOT NULL;
ALTER TABLE drift_report ALTER COLUMN reference DROP DEFAULT;
ALTER TABLE drift_report ADD CONSTRAINT drift_report_reference CHECK (reference IN ('population', 'snapshot'));

-- The auditor view names the reference too (a new column at the end, as CREATE OR REPLACE requires).
CREATE OR REPLACE VIEW auditor_drift_report AS
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
       t.TASK_NAME             AS task_name,
       d.reference
FROM drift_report d
JOIN drift_feature f ON f.drift_report_id = d.id
LEFT JOIN TASK_EXECUTION t ON t.TASK_EXECUTION_ID = d.task_execution_id;

-- PostgreSQL keeps the grants of a replaced view (V54 granted it to tunebatch_auditor where that role exists).
