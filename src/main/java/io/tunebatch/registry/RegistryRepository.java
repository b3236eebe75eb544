package io.tunebatch.registry;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The registry tables. Everything is inserted, nothing updated: a stage is the latest transition. */
@Repository
public class RegistryRepository {

    private static final String SELECT_VERSION = "SELECT v.id, v.model_name, v.version, v.base_model, v.adapter_path, "
            + "v.adapter_sha256, v.snapshot_id, v.snapshot_fingerprint, v.training_job_execution_id, v.trained_by, "
            + "v.eval_run_id, v.eval_pass_rate, v.hyperparameters, v.model_card_path, v.registered_by, v.registered_at, "
            + "s.stage FROM model_version v JOIN model_version_stage s ON s.model_version_id = v.id";

    private final JdbcClient jdbc;

    public RegistryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the model if new, then locks its row so concurrent stage changes of one model run one at a time. */
    void createAndLock(String name, String createdBy, OffsetDateTime now) {
        if (!exists(name)) {
            jdbc.sql("INSERT INTO registered_model (name, created_by, created_at) VALUES (?, ?, ?)")
                    .params(name, createdBy, now).update();
        }
        lock(name);
    }

    void lock(String name) {
        jdbc.sql("SELECT name FROM registered_model WHERE name = ? FOR UPDATE").param(name).query(String.class).single();
    }

    boolean exists(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM registered_model WHERE name = ?").param(name).query(Integer.class).single() > 0;
    }

    int nextVersion(String name) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM model_version WHERE model_name = ?")
                .param(name).query(Integer.class).single();
    }

    record SnapshotInfo(String id, String fingerprint, long exampleCount, long sourceCount, OffsetDateTime createdAt) {
    }

    Optional<SnapshotInfo> snapshot(String id) {
        return jdbc.sql("SELECT id, fingerprint, example_count, source_count, created_at FROM dataset_snapshot WHERE id = ?")
                .param(id).query(SnapshotInfo.class).optional();
    }

    /**
     * What the train job behind an eval run recorded (the run came from its evaluate step): who
     * launched it, the selected candidate's snapshot and settings, and the selection evidence.
     */
    record TrainingOrigin(long jobExecutionId, String launchedBy, String snapshotId, String settingsJson, String criterion,
                          String evidenceJson) {
    }

    Optional<TrainingOrigin> trainingOrigin(long evalRunId) {
        return jdbc.sql("SELECT r.job_execution_id, r.evaluated_by AS launched_by, t.snapshot_id, t.settings_json, s.criterion, s.evidence_json "
                        + "FROM eval_run r JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = r.job_execution_id "
                        + "JOIN training_selection s ON s.job_instance_id = e.JOB_INSTANCE_ID "
                        + "JOIN training_run t ON t.id = s.training_run_id WHERE r.id = ?")
                .param(evalRunId).query(TrainingOrigin.class).optional();
    }

    /** PII findings in the snapshot's examples by entity type: counts only, never values. */
    Map<String, Long> piiCounts(String snapshotId) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT d.entity_type, COUNT(*) AS findings FROM pii_detection d "
                        + "JOIN snapshot_example s ON s.example_id = d.example_id WHERE s.snapshot_id = ? GROUP BY d.entity_type")
                .param(snapshotId)
                .query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    long insertVersion(RegistrationRequest request, int version, String adapterSha256, SnapshotInfo snapshot,
                       double evalPassRate, String cardPath, OffsetDateTime now, Long taskExecutionId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO model_version (model_name, version, base_model, adapter_path, adapter_sha256, snapshot_id, "
                        + "snapshot_fingerprint, training_job_execution_id, trained_by, eval_run_id, eval_pass_rate, "
                        + "hyperparameters, model_card_path, registered_by, registered_at, task_execution_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(request.modelName(), version, request.baseModel(),
                        request.adapter() == null ? null : request.adapter().toAbsolutePath().toString(), adapterSha256,
                        snapshot == null ? null : snapshot.id(), snapshot == null ? null : snapshot.fingerprint(),
                        request.trainingJobExecutionId(), request.trainedBy(), request.evalRunId(), evalPassRate,
                        request.hyperparameters(), cardPath, request.registeredBy(), now, taskExecutionId)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    long insertPromotion(ModelVersion version, Stage to, String approver, String reason, long evalRunId, double passRate,
                         double gate, String reportPath, String reportSha256, Long replacedVersionId, OffsetDateTime now,
                         Long taskExecutionId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO model_promotion (model_version_id, from_stage, to_stage, approver, trainer, reason, eval_run_id, "
                        + "eval_pass_rate, gate_threshold, eval_report_path, eval_report_sha256, replaced_version_id, approved_at, "
                        + "task_execution_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(version.id(), version.stage(), to.id(), approver, version.trainedBy(), reason, evalRunId, passRate, gate,
                        reportPath, reportSha256, replacedVersionId, now, taskExecutionId)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    long insertRollback(String model, long fromVersionId, long toVersionId, String by, String reason, OffsetDateTime now,
                        Long taskExecutionId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO model_rollback (model_name, from_version_id, to_version_id, performed_by, reason, rolled_back_at, "
                        + "task_execution_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(model, fromVersionId, toVersionId, by, reason, now, taskExecutionId)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertTransition(long versionId, String from, Stage to, String cause, String actor, String reason,
                          Long promotionId, Long rollbackId, OffsetDateTime now, Long taskExecutionId) {
        jdbc.sql("INSERT INTO model_transition (model_version_id, from_stage, to_stage, cause, actor, reason, promotion_id, "
                        + "rollback_id, happened_at, task_execution_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(versionId, from, to.id(), cause, actor, reason, promotionId, rollbackId, now, taskExecutionId)
                .update();
    }

    Optional<ModelVersion> version(String name, int version) {
        return jdbc.sql(SELECT_VERSION + " WHERE v.model_name = ? AND v.version = ?").params(name, version)
                .query(ModelVersion.class).optional();
    }

    Optional<ModelVersion> versionById(long id) {
        return jdbc.sql(SELECT_VERSION + " WHERE v.id = ?").param(id).query(ModelVersion.class).optional();
    }

    Optional<ModelVersion> versionOfEvalRun(String name, long evalRunId) {
        return jdbc.sql(SELECT_VERSION + " WHERE v.model_name = ? AND v.eval_run_id = ? ORDER BY v.version FETCH FIRST 1 ROWS ONLY")
                .params(name, evalRunId).query(ModelVersion.class).optional();
    }

    List<ModelVersion> versions(String name) {
        return jdbc.sql(SELECT_VERSION + " WHERE v.model_name = ? ORDER BY v.version").param(name).query(ModelVersion.class).list();
    }

    Optional<ModelVersion> inStage(String name, Stage stage) {
        return jdbc.sql(SELECT_VERSION + " WHERE v.model_name = ? AND s.stage = ?").params(name, stage.id())
                .query(ModelVersion.class).optional();
    }

    /** The version the given one replaced when it was last promoted into production. */
    Optional<Long> replacedAtLastProductionPromotion(long versionId) {
        List<Long> replaced = jdbc.sql("SELECT replaced_version_id FROM model_promotion "
                        + "WHERE model_version_id = ? AND to_stage = 'production' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param(versionId).query(Long.class).list();
        return replaced.isEmpty() ? Optional.empty() : Optional.ofNullable(replaced.get(0));
    }

    List<String> modelNames() {
        return jdbc.sql("SELECT name FROM registered_model ORDER BY name").query(String.class).list();
    }

    List<Transition> history(String name) {
        return jdbc.sql("SELECT t.id, v.version, t.from_stage, t.to_stage, t.cause, t.actor, t.reason, t.happened_at, "
                        + "t.promotion_id, p.eval_pass_rate, t.rollback_id FROM model_transition t "
                        + "JOIN model_version v ON v.id = t.model_version_id "
                        + "LEFT JOIN model_promotion p ON p.id = t.promotion_id "
                        + "WHERE v.model_name = ? ORDER BY t.id")
                .param(name).query(Transition.class).list();
    }

    /** A promotion as the model card lists it. */
    public record Approval(int version, String fromStage, String toStage, String approver, String reason,
                           double evalPassRate, OffsetDateTime approvedAt) {
    }

    List<Approval> approvals(long versionId) {
        return jdbc.sql("SELECT v.version, p.from_stage, p.to_stage, p.approver, p.reason, p.eval_pass_rate, p.approved_at "
                        + "FROM model_promotion p JOIN model_version v ON v.id = p.model_version_id "
                        + "WHERE p.model_version_id = ? ORDER BY p.id")
                .param(versionId).query(Approval.class).list();
    }
}
