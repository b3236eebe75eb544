package io.tunebatch.drift;

import io.tunebatch.snapshot.DatasetSnapshot;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads a snapshot's examples, or the population it was drawn from, as a drift reference; writes
 * and reads {@code drift_report} and {@code drift_feature}.
 */
@Repository
public class DriftRepository {

    private final JdbcClient jdbc;

    public DriftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The profile of a snapshot's examples (their stored, anonymized text); an example's source
     * system is that of its first source record, its PII flag the prepare run's scan result.
     */
    public DatasetProfile snapshotProfile(String snapshotId) {
        return profile("""
                FROM snapshot_example m
                JOIN training_example e ON e.id = m.example_id
                WHERE m.snapshot_id = ?""", snapshotId);
    }

    /**
     * The profile of the population a snapshot was drawn from: every example its prepare run
     * validated in any of its job executions (the snapshot's members are the valid ones), each
     * once, without erased examples, whose text is gone. Measured as {@link #snapshotProfile}.
     */
    private DatasetProfile populationProfile(DatasetSnapshot snapshot) {
        return profile("""
                FROM training_example e
                WHERE e.id IN (SELECT v.example_id FROM validation_result v WHERE v.job_execution_id IN
                    (SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?))
                  AND e.id NOT IN (SELECT x.example_id FROM erased_example x)""", snapshot.jobInstanceId());
    }

    DatasetProfile profile(DatasetSnapshot snapshot, DriftReference reference) {
        return switch (reference) {
            case POPULATION -> populationProfile(snapshot);
            case SNAPSHOT -> snapshotProfile(snapshot.id());
        };
    }

    private DatasetProfile profile(String examples, Object parameter) {
        DatasetProfile profile = new DatasetProfile();
        jdbc.sql("""
                SELECT e.instruction, e.input_text, e.output_text, e.pii_scan_result,
                       (SELECT MIN(s.source_system) FROM example_source s WHERE s.example_id = e.id) AS source_system
                """ + examples + " ORDER BY e.id")
                .param(parameter)
                .query(rs -> {
                    profile.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(5),
                            "detected".equals(rs.getString(4)));
                });
        return profile;
    }

    /** What one drift run found, as stored. */
    record StoredReport(long id, long jobInstanceId, long jobExecutionId, String snapshotId, String snapshotFingerprint,
                        DriftReference reference, String source, long referenceExamples, long currentRecords,
                        long rejectedRecords, Double maxPsi, String recommendation, OffsetDateTime createdAt) {
    }

    long insert(StoredReport report, Long taskExecutionId, List<FeatureDrift> features) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO drift_report (job_instance_id, job_execution_id, task_execution_id, snapshot_id, snapshot_fingerprint,
                  reference, source, reference_examples, current_records, rejected_records, max_psi, recommendation, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(report.jobInstanceId(), report.jobExecutionId(), taskExecutionId, report.snapshotId(),
                        report.snapshotFingerprint(), report.reference().value(), report.source(), report.referenceExamples(), report.currentRecords(),
                        report.rejectedRecords(), report.maxPsi(), report.recommendation(),
                        report.createdAt().withOffsetSameInstant(ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (FeatureDrift feature : features) {
            jdbc.sql("INSERT INTO drift_feature (drift_report_id, feature, psi, level, bins) VALUES (?, ?, ?, ?, ?)")
                    .params(id, feature.feature(), Double.isNaN(feature.psi()) ? null : feature.psi(), feature.level(),
                            feature.bins())
                    .update();
        }
        return id;
    }

    Optional<StoredReport> findByJobInstance(long jobInstanceId) {
        return jdbc.sql("""
                SELECT id, job_instance_id, job_execution_id, snapshot_id, snapshot_fingerprint, reference, source, reference_examples,
                       current_records, rejected_records, max_psi, recommendation, created_at
                FROM drift_report WHERE job_instance_id = ?""")
                .param(jobInstanceId)
                .query((rs, i) -> new StoredReport(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), DriftReference.of(rs.getString(6)), rs.getString(7), rs.getLong(8), rs.getLong(9),
                        rs.getLong(10), rs.getObject(11) == null ? null : rs.getDouble(11), rs.getString(12),
                        rs.getObject(13, OffsetDateTime.class)))
                .optional();
    }

    List<FeatureDrift> features(long reportId) {
        return jdbc.sql("SELECT feature, psi, level, bins FROM drift_feature WHERE drift_report_id = ? ORDER BY feature")
                .param(reportId)
                .query((rs, i) -> new FeatureDrift(rs.getString(1), rs.getObject(2) == null ? Double.NaN : rs.getDouble(2),
                        rs.getString(3), rs.getInt(4)))
                .list();
    }
}
