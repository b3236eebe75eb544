package io.tunebatch.train;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** training_run, training_metric and training_selection. */
@Repository
public class TrainingRunRepository {

    /** A finished or failed candidate as the selection and the summary see it. */
    public record RunView(long id, String partitionName, String device, int rank, double learningRate, String status,
                          Integer steps, Double heldOutLoss, Double tokensPerSecond, String adapterPath,
                          String adapterSha256) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public TrainingRunRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The run of this partition, created on its first attempt and reused by restarts. */
    long startOrResume(long jobInstanceId, long jobExecutionId, String partition, TrainingJobParameters job,
                       TrainingConfig.Candidate candidate, String device, String settingsJson, int trainCount,
                       int heldOutCount) {
        Optional<Long> existing = jdbc.queryForList("SELECT id FROM training_run WHERE job_instance_id = :instance "
                + "AND partition_name = :partition", Map.of("instance", jobInstanceId, "partition", partition), Long.class)
                .stream().findFirst();
        if (existing.isPresent()) {
            // a restart may run on another device, of another worker
            jdbc.update("UPDATE training_run SET status = 'RUNNING', job_execution_id = :job, device = :device WHERE id = :id",
                    Map.of("job", jobExecutionId, "device", device, "id", existing.get()));
            return existing.get();
        }
        jdbc.update("""
                INSERT INTO training_run (job_instance_id, job_execution_id, partition_name, snapshot_id, snapshot_fingerprint,
                    base_model, device, lora_rank, lora_alpha, learning_rate, settings_json, training_examples,
                    held_out_examples, status, started_at)
                VALUES (:instance, :job, :partition, :snapshot, :fingerprint, :base, :device, :rank, :alpha, :lr, :settings,
                    :train, :heldOut, 'RUNNING', :now)""", new MapSqlParameterSource()
                .addValue("instance", jobInstanceId).addValue("job", jobExecutionId).addValue("partition", partition)
                .addValue("snapshot", job.snapshotId()).addValue("fingerprint", job.snapshotFingerprint())
                .addValue("base", job.baseModel()).addValue("device", device).addValue("rank", candidate.rank())
                .addValue("alpha", candidate.settings().lora().alpha()).addValue("lr", candidate.learningRate())
                .addValue("settings", settingsJson).addValue("train", trainCount).addValue("heldOut", heldOutCount)
                .addValue("now", now()));
        return jdbc.queryForObject("SELECT id FROM training_run WHERE job_instance_id = :instance AND partition_name = :partition",
                Map.of("instance", jobInstanceId, "partition", partition), Long.class);
    }

    /** Records a step's metrics; a step repeated after a resume replaces the lost attempt's figures. */
    void saveMetric(long runId, Map<String, Object> step) {
        MapSqlParameterSource row = new MapSqlParameterSource(step).addValue("run", runId);
        jdbc.update("DELETE FROM training_metric WHERE training_run_id = :run AND step = :step", row);
        jdbc.update("""
                INSERT INTO training_metric (training_run_id, step, epoch, loss, learning_rate, gradient_norm, tokens, tokens_per_second)
                VALUES (:run, :step, :epoch, :loss, :learning_rate, :gradient_norm, :tokens, :tokens_per_second)""", row);
    }

    void complete(long runId, PartitionResult result, String adapterSha256) {
        jdbc.update("""
                UPDATE training_run SET status = 'COMPLETED', steps = :steps, held_out_loss = :loss,
                    tokens_per_second = :tps, adapter_path = :adapter, adapter_sha256 = :sha, finished_at = :now
                WHERE id = :id""", new MapSqlParameterSource().addValue("steps", result.steps())
                .addValue("loss", Double.isNaN(result.heldOutLoss()) ? null : result.heldOutLoss())
                .addValue("tps", result.tokensPerSecond()).addValue("adapter", result.adapterDirectory())
                .addValue("sha", adapterSha256).addValue("now", now()).addValue("id", runId));
    }

    void fail(long runId) {
        jdbc.update("UPDATE training_run SET status = 'FAILED', finished_at = :now WHERE id = :id",
                Map.of("now", now(), "id", runId));
    }

    public List<RunView> runs(long jobInstanceId) {
        return jdbc.query("""
                SELECT id, partition_name, device, lora_rank, learning_rate, status, steps, held_out_loss, tokens_per_second,
                    adapter_path, adapter_sha256 FROM training_run WHERE job_instance_id = :instance ORDER BY partition_name""",
                Map.of("instance", jobInstanceId), (rs, i) -> new RunView(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getDouble(5), rs.getString(6), (Integer) rs.getObject(7, Integer.class),
                        (Double) rs.getObject(8, Double.class), (Double) rs.getObject(9, Double.class), rs.getString(10),
                        rs.getString(11)));
    }

    /** The training settings a run used (LoRA, optimizer, schedule), as the JSON stored when it started. */
    String settingsJson(long runId) {
        return jdbc.queryForObject("SELECT settings_json FROM training_run WHERE id = :id", Map.of("id", runId), String.class);
    }

    void select(long jobInstanceId, long jobExecutionId, RunView best, String evidenceJson) {
        jdbc.update("""
                INSERT INTO training_selection (job_instance_id, job_execution_id, training_run_id, criterion, evidence_json,
                    adapter_path, adapter_sha256, selected_at)
                VALUES (:instance, :job, :run, 'lowest held-out loss', :evidence, :adapter, :sha, :now)""",
                new MapSqlParameterSource().addValue("instance", jobInstanceId).addValue("job", jobExecutionId)
                        .addValue("run", best.id()).addValue("evidence", evidenceJson).addValue("adapter", best.adapterPath())
                        .addValue("sha", best.adapterSha256()).addValue("now", now()));
    }

    public Optional<RunView> selected(long jobInstanceId) {
        return jdbc.queryForList("SELECT training_run_id FROM training_selection WHERE job_instance_id = :instance",
                Map.of("instance", jobInstanceId), Long.class).stream().findFirst()
                .flatMap(id -> runs(jobInstanceId).stream().filter(r -> r.id() == id).findFirst());
    }

    private static OffsetDateTime now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
