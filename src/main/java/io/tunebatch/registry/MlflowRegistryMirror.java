package io.tunebatch.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mlflow.api.proto.ModelRegistry.CreateModelVersion;
import org.mlflow.api.proto.ModelRegistry.CreateRegisteredModel;
import org.mlflow.api.proto.ModelRegistry.DeleteRegisteredModelAlias;
import org.mlflow.api.proto.ModelRegistry.ModelVersionTag;
import org.mlflow.api.proto.ModelRegistry.RegisteredModelAlias;
import org.mlflow.api.proto.ModelRegistry.RegisteredModelTag;
import org.mlflow.api.proto.ModelRegistry.SearchRegisteredModels;
import org.mlflow.api.proto.ModelRegistry.SetModelVersionTag;
import org.mlflow.api.proto.ModelRegistry.SetRegisteredModelAlias;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.Page;
import org.mlflow_project.google.protobuf.InvalidProtocolBufferException;
import org.mlflow_project.google.protobuf.Message;
import org.mlflow_project.google.protobuf.MessageOrBuilder;
import org.mlflow_project.google.protobuf.util.JsonFormat;

/**
 * Mirrors the registry into MLflow's model registry: one registered model per model, one MLflow
 * model version per version (source: a run in the registry experiment holding the model card),
 * version tags with the lineage and eval facts, and the aliases {@code staging} and
 * {@code production} on the versions in those stages. The MLflow Java client has no calls for
 * registry writes, so they go through its {@code sendPost} with the bundled protos; it has no
 * DELETE either, so removing an alias sends the bundled proto with a plain HTTP DELETE.
 */
public final class MlflowRegistryMirror implements RegistryMirror {

    /** The version tag that maps an MLflow version back to ours. */
    static final String VERSION_TAG = "tunebatch.version";
    static final List<Stage> ALIASED = List.of(Stage.STAGING, Stage.PRODUCTION);

    private final MlflowClient client;
    private final MlflowArtifacts artifacts;
    private final String trackingUri;
    private final String experimentName;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public MlflowRegistryMirror(String trackingUri, String experimentName) {
        this.trackingUri = trackingUri.replaceAll("/+$", "");
        this.client = new MlflowClient(this.trackingUri);
        this.artifacts = new MlflowArtifacts(this.trackingUri);
        this.experimentName = experimentName;
    }

    @Override
    public void sync(String modelName, List<ModelVersion> versions) {
        ensureRegisteredModel(modelName);
        Map<Integer, String> mirrored = mirroredVersions(modelName);
        for (ModelVersion version : versions) {
            String mlflowVersion = mirrored.get(version.version());
            if (mlflowVersion == null) {
                mlflowVersion = createVersion(version);
                mirrored.put(version.version(), mlflowVersion);
            }
            for (Map.Entry<String, String> tag : tags(version).entrySet()) {
                post("model-versions/set-tag", SetModelVersionTag.newBuilder().setName(modelName).setVersion(mlflowVersion)
                        .setKey(tag.getKey()).setValue(tag.getValue()).build());
            }
        }
        Set<String> aliasesNow = client.getRegisteredModel(modelName).getAliasesList().stream()
                .map(RegisteredModelAlias::getAlias).collect(Collectors.toSet());
        for (Stage stage : ALIASED) {
            Optional<ModelVersion> holder = versions.stream().filter(v -> v.stage().equals(stage.id())).findFirst();
            if (holder.isPresent()) {
                post("registered-models/alias", SetRegisteredModelAlias.newBuilder().setName(modelName).setAlias(stage.id())
                        .setVersion(mirrored.get(holder.get().version())).build());
            } else if (aliasesNow.contains(stage.id())) {
                deleteAlias(modelName, stage.id());
            }
        }
    }

    /** The facts an MLflow user sees on a version; our tables stay the record. */
    static Map<String, String> tags(ModelVersion version) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(VERSION_TAG, Integer.toString(version.version()));
        tags.put("tunebatch.stage", version.stage());
        tags.put("eval_pass_rate", String.format(Locale.ROOT, "%.4f", version.evalPassRate()));
        tags.put("eval_run_id", Long.toString(version.evalRunId()));
        tags.put("base_model", version.baseModel());
        tags.put("adapter_sha256", Optional.ofNullable(version.adapterSha256()).orElse("none"));
        tags.put("snapshot_id", Optional.ofNullable(version.snapshotId()).orElse("none"));
        tags.put("snapshot_fingerprint", Optional.ofNullable(version.snapshotFingerprint()).orElse("none"));
        tags.put("training_job_execution_id",
                version.trainingJobExecutionId() == null ? "none" : version.trainingJobExecutionId().toString());
        tags.put("trained_by", version.trainedBy());
        tags.put("registered_by", version.registeredBy());
        return tags;
    }

    private void ensureRegisteredModel(String modelName) {
        // search rather than get: the client retries every error response (a 404 included) with back-off
        SearchRegisteredModels.Response.Builder found = SearchRegisteredModels.Response.newBuilder();
        merge(client.sendGet("registered-models/search?filter="
                + URLEncoder.encode("name='" + quoted(modelName) + "'", StandardCharsets.UTF_8)), found);
        if (found.getRegisteredModelsCount() == 0) {
            post("registered-models/create", CreateRegisteredModel.newBuilder().setName(modelName)
                    .addTags(RegisteredModelTag.newBuilder().setKey("tunebatch.mirror")
                            .setValue("mirror of the TuneBatch registry; the TuneBatch database is the record").build())
                    .build());
        }
    }

    private Map<Integer, String> mirroredVersions(String modelName) {
        Map<Integer, String> mirrored = new HashMap<>();
        Page<org.mlflow.api.proto.ModelRegistry.ModelVersion> page =
                client.searchModelVersions("name='" + quoted(modelName) + "'", 1000, List.of());
        while (true) {
            for (org.mlflow.api.proto.ModelRegistry.ModelVersion version : page.getItems()) {
                version.getTagsList().stream().filter(tag -> tag.getKey().equals(VERSION_TAG)).findFirst()
                        .ifPresent(tag -> mirrored.put(Integer.parseInt(tag.getValue()), version.getVersion()));
            }
            if (!page.hasNextPage()) {
                return mirrored;
            }
            page = page.getNextPage();
        }
    }

    /** A run holding the model card becomes the source of the new MLflow version. */
    private String createVersion(ModelVersion version) {
        String experimentId = client.searchExperiments("name = '" + quoted(experimentName) + "'").getItems().stream()
                .findFirst().map(Experiment::getExperimentId)
                .orElseGet(() -> client.createExperiment(experimentName));
        RunInfo run = client.createRun(experimentId);
        client.setTag(run.getRunId(), "mlflow.runName", version.ref());
        client.setTag(run.getRunId(), VERSION_TAG, Integer.toString(version.version()));
        Path cardFolder = Path.of(version.modelCardPath()).getParent();
        artifacts.upload(run.getArtifactUri(), "model/model-card.md", cardFolder.resolve("model-card.md"));
        artifacts.upload(run.getArtifactUri(), "model/model-card.json", cardFolder.resolve("model-card.json"));
        client.setTerminated(run.getRunId());
        String response = post("model-versions/create", CreateModelVersion.newBuilder().setName(version.modelName())
                .setSource(run.getArtifactUri() + "/model").setRunId(run.getRunId())
                .addTags(ModelVersionTag.newBuilder().setKey(VERSION_TAG).setValue(Integer.toString(version.version())).build())
                .build());
        CreateModelVersion.Response.Builder created = CreateModelVersion.Response.newBuilder();
        merge(response, created);
        return created.getModelVersion().getVersion();
    }

    private void deleteAlias(String modelName, String alias) {
        URI uri = URI.create(trackingUri + "/api/2.0/mlflow/registered-models/alias");
        String body = print(DeleteRegisteredModelAlias.newBuilder().setName(modelName).setAlias(alias).build());
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").method("DELETE", HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("MLflow refused to delete alias " + alias + " of " + modelName + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("MLflow unreachable at " + trackingUri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting an MLflow alias", e);
        }
    }

    private static String quoted(String value) {
        return value.replace("'", "\\'");
    }

    private String post(String endpoint, MessageOrBuilder request) {
        return client.sendPost(endpoint, print(request));
    }

    private static String print(MessageOrBuilder request) {
        try {
            return JsonFormat.printer().preservingProtoFieldNames().print(request);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot encode MLflow request " + request.getClass().getSimpleName(), e);
        }
    }

    private static void merge(String json, Message.Builder builder) {
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(json, builder);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("unexpected MLflow response: " + json, e);
        }
    }
}
