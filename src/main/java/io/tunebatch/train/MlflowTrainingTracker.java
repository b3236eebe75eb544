package io.tunebatch.train;

import io.tunebatch.model.TrainingSettings;
import io.tunebatch.registry.MlflowArtifacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.UpdateRun;
import org.mlflow.tracking.MlflowClient;
import org.mlflow_project.google.protobuf.InvalidProtocolBufferException;
import org.mlflow_project.google.protobuf.util.JsonFormat;

/**
 * One MLflow experiment per training config name, one run per partition: its settings as params,
 * per-step loss, learning rate and tokens/s as metrics, identifiers as tags, and the adapter
 * files uploaded through the server's artifact proxy when it finishes.
 */
final class MlflowTrainingTracker implements TrainingTracker {

    /** The metrics.jsonl fields that become MLflow metrics, step by step. */
    static final List<String> STEP_METRICS = List.of("loss", "learning_rate", "tokens_per_second");
    static final List<String> ADAPTER_FILES = List.of("adapter_config.json", "adapter_model.safetensors");
    /** MLflow's limit of metrics per log-batch call. */
    private static final int BATCH_LIMIT = 1000;

    private final MlflowClient client;
    private final MlflowArtifacts artifacts;

    MlflowTrainingTracker(String trackingUri) {
        String uri = trackingUri.replaceAll("/+$", "");
        this.client = new MlflowClient(uri);
        this.artifacts = new MlflowArtifacts(uri);
    }

    @Override
    public String start(String trackedRunId, TrackedPartition partition) {
        if (trackedRunId != null) {
            // a restart: the same run continues, under the new job execution
            client.sendPost("runs/update", json(UpdateRun.newBuilder().setRunId(trackedRunId).setStatus(RunStatus.RUNNING)));
            client.setTag(trackedRunId, "tunebatch.job_execution_id", Long.toString(partition.jobExecutionId()));
            return trackedRunId;
        }
        String runId = client.createRun(CreateRun.newBuilder().setExperimentId(experimentId(partition.configName()))
                .setRunName(partition.partition()).setStartTime(System.currentTimeMillis()).build()).getRunId();
        client.logBatch(runId, List.of(), params(partition.settings(), partition.device()), tags(partition));
        return runId;
    }

    @Override
    public void logSteps(String trackedRunId, List<Map<String, Object>> steps) {
        long now = System.currentTimeMillis();
        List<Metric> metrics = new ArrayList<>();
        for (Map<String, Object> step : steps) {
            long number = ((Number) step.get("step")).longValue();
            for (String key : STEP_METRICS) {
                metrics.add(Metric.newBuilder().setKey(key).setValue(((Number) step.get(key)).doubleValue())
                        .setStep(number).setTimestamp(now).build());
            }
        }
        for (int from = 0; from < metrics.size(); from += BATCH_LIMIT) {
            client.logBatch(trackedRunId, metrics.subList(from, Math.min(metrics.size(), from + BATCH_LIMIT)), List.of(), List.of());
        }
    }

    @Override
    public void finish(String trackedRunId, PartitionResult result, String adapterSha256) {
        if (Double.isFinite(result.heldOutLoss())) {
            client.logMetric(trackedRunId, "held_out_loss", result.heldOutLoss(), System.currentTimeMillis(), result.steps());
        }
        client.setTag(trackedRunId, "tunebatch.adapter_sha256", adapterSha256);
        String artifactUri = client.getRun(trackedRunId).getInfo().getArtifactUri();
        for (String file : ADAPTER_FILES) {
            artifacts.upload(artifactUri, "adapter/" + file, Path.of(result.adapterDirectory()).resolve(file));
        }
        client.setTerminated(trackedRunId, RunStatus.FINISHED);
    }

    @Override
    public void fail(String trackedRunId) {
        client.setTerminated(trackedRunId, RunStatus.FAILED);
    }

    /** Partitions start in parallel: one of them creates the experiment, the others find it. */
    private synchronized String experimentId(String name) {
        // search rather than get-by-name: the client retries every error response (a 404 included) with back-off
        return client.searchExperiments("name = '" + name + "'").getItems().stream().findFirst()
                .map(Experiment::getExperimentId)
                .orElseGet(() -> client.createExperiment(name));
    }

    static List<Param> params(TrainingSettings s, String device) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("lora_r", s.lora().rank());
        values.put("lora_alpha", s.lora().alpha());
        values.put("lora_dropout", s.lora().dropout());
        values.put("lora_target_modules", String.join(",", s.lora().targetModules()));
        values.put("use_rslora", s.lora().rsLora());
        values.put("learning_rate", s.learningRate());
        values.put("weight_decay", s.weightDecay());
        values.put("schedule", s.schedule().name().toLowerCase(java.util.Locale.ROOT));
        values.put("warmup_steps", s.warmupSteps());
        values.put("epochs", s.epochs());
        values.put("max_steps", s.maxSteps());
        values.put("batch_size", s.batchSize());
        values.put("gradient_accumulation_steps", s.gradientAccumulationSteps());
        values.put("max_grad_norm", s.maxGradNorm());
        values.put("max_sequence_length", s.maxSequenceLength());
        values.put("seed", s.seed());
        values.put("device", device);
        return values.entrySet().stream()
                .map(e -> Param.newBuilder().setKey(e.getKey()).setValue(String.valueOf(e.getValue())).build()).toList();
    }

    private static List<RunTag> tags(TrackedPartition partition) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("tunebatch.snapshot_id", partition.job().snapshotId());
        values.put("tunebatch.snapshot_fingerprint", partition.job().snapshotFingerprint());
        values.put("tunebatch.job_instance_id", Long.toString(partition.jobInstanceId()));
        values.put("tunebatch.job_execution_id", Long.toString(partition.jobExecutionId()));
        values.put("tunebatch.partition", partition.partition());
        return values.entrySet().stream()
                .map(e -> RunTag.newBuilder().setKey(e.getKey()).setValue(e.getValue()).build()).toList();
    }

    private static String json(UpdateRun.Builder request) {
        try {
            return JsonFormat.printer().preservingProtoFieldNames().print(request);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot encode MLflow request UpdateRun", e);
        }
    }
}
