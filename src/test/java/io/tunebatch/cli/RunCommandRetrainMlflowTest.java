package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.registry.MlflowArtifacts;
import io.tunebatch.support.ApplicationTest;
import io.tunebatch.support.Databases;
import io.tunebatch.support.MlflowServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.ModelRegistry.ModelVersionTag;
import org.mlflow.tracking.MlflowClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The register step of {@code run} with {@code tunebatch.mlflow.tracking-uri} set: the version is mirrored to a real MLflow. */
class RunCommandRetrainMlflowTest extends ApplicationTest {

    @RegisterExtension
    static final MlflowServer MLFLOW = new MlflowServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Databases.useH2(registry);
        registry.add("tunebatch.train.child-heap", () -> "768m");
        registry.add("tunebatch.train.poll-millis", () -> "200");
        registry.add("tunebatch.mlflow.tracking-uri", MLFLOW::trackingUri);
    }

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void theRegisteredVersionIsMirroredWithItsLineageTagsAndModelCard() throws Exception {
        Path definition = RunCommandRetrainTest.retrainDefinition(dir, "retrain-mlflow", RunCommandRetrainTest.MODEL,
                RunCommandRetrainTest.ANY_ANSWER, "1.0");

        assertThat(Cli.run(context, "run", definition.toString(), "--by", "trainer-ann")).isZero();

        Map<String, Object> version = jdbc.queryForMap("SELECT adapter_sha256, snapshot_id, snapshot_fingerprint, "
                + "training_job_execution_id, base_model, model_card_path FROM model_version WHERE model_name = ?",
                RunCommandRetrainTest.MODEL);
        MlflowClient client = new MlflowClient(MLFLOW.trackingUri());
        Map<String, String> tags = client.getModelVersion(RunCommandRetrainTest.MODEL, "1").getTagsList().stream()
                .collect(Collectors.toMap(ModelVersionTag::getKey, ModelVersionTag::getValue));
        assertThat(tags).containsEntry("tunebatch.stage", "development").containsEntry("eval_pass_rate", "1.0000")
                .containsEntry("adapter_sha256", (String) version.get("ADAPTER_SHA256"))
                .containsEntry("snapshot_id", (String) version.get("SNAPSHOT_ID"))
                .containsEntry("snapshot_fingerprint", (String) version.get("SNAPSHOT_FINGERPRINT"))
                .containsEntry("training_job_execution_id", version.get("TRAINING_JOB_EXECUTION_ID").toString())
                .containsEntry("base_model", (String) version.get("BASE_MODEL"))
                .containsEntry("trained_by", "trainer-ann");
        String source = client.getModelVersion(RunCommandRetrainTest.MODEL, "1").getSource();
        assertThat(new MlflowArtifacts(MLFLOW.trackingUri()).download(source, "model-card.md"))
                .isEqualTo(Files.readString(Path.of((String) version.get("MODEL_CARD_PATH"))));
    }
}
