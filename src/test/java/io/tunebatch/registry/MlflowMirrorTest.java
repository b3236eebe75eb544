package io.tunebatch.registry;

import static io.tunebatch.support.SupportAnswers.TUNED;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.evaluate.AdapterHash;
import io.tunebatch.evaluate.EvalSubject;
import io.tunebatch.evaluate.EvalSuite;
import io.tunebatch.support.EmailPiiDetector;
import io.tunebatch.support.Governance;
import io.tunebatch.support.MlflowServer;
import io.tunebatch.support.SupportAnswers;
import io.tunebatch.support.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.ModelRegistry.ModelVersionTag;
import org.mlflow.api.proto.ModelRegistry.RegisteredModelAlias;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;

class MlflowMirrorTest {

    @RegisterExtension
    static final MlflowServer MLFLOW = MlflowServer.shared();

    @TempDir
    Path dir;

    @Test
    void aliasesAndTagsFollowRegistrationPromotionAndRollback() throws IOException {
        Governance governance = new Governance(TestDatabases.h2().dataSource(), dir, new EmailPiiDetector(),
                new MlflowRegistryMirror(MLFLOW.trackingUri(), "tunebatch-registry"));
        MlflowClient client = new MlflowClient(MLFLOW.trackingUri());
        register(governance, "a1");
        register(governance, "a2");

        assertThat(client.getRegisteredModel("support").getAliasesList()).isEmpty();
        Map<String, String> v1Tags = tags(client, "1");
        assertThat(v1Tags).containsEntry("tunebatch.version", "1").containsEntry("tunebatch.stage", "development")
                .containsEntry("eval_pass_rate", "1.0000").containsEntry("trained_by", "alice")
                .containsEntry("adapter_sha256", AdapterHash.of(dir.resolve("a1")));
        String source = client.getModelVersion("support", "1").getSource();
        assertThat(new MlflowArtifacts(MLFLOW.trackingUri()).download(source, "model-card.md"))
                .isEqualTo(Files.readString(Path.of(governance.registry.version("support", 1).modelCardPath())));

        governance.registry.promote("support", 1, "bob", "review ok");
        governance.registry.promote("support", 1, "bob", "release 1");
        governance.registry.promote("support", 2, "bob", "review ok");
        assertThat(aliases(client)).containsExactlyInAnyOrderEntriesOf(Map.of("production", "1", "staging", "2"));
        assertThat(tags(client, "1")).containsEntry("tunebatch.stage", "production");

        governance.registry.promote("support", 2, "carol", "release 2");
        assertThat(aliases(client)).containsExactlyInAnyOrderEntriesOf(Map.of("production", "2"));
        assertThat(tags(client, "1")).containsEntry("tunebatch.stage", "archived");

        governance.registry.rollback("support", "dave", "regression in v2");
        assertThat(aliases(client)).containsExactlyInAnyOrderEntriesOf(Map.of("production", "1"));
        assertThat(client.getModelVersion("support", "1").getAliasesList()).containsExactly("production");
        assertThat(tags(client, "2")).containsEntry("tunebatch.stage", "archived");
        assertThat(client.searchModelVersions("name='support'").getItems()).hasSize(2);
    }

    @Test
    void artifactHelperUploadsAFolderThroughTheServer() throws IOException {
        MlflowClient client = new MlflowClient(MLFLOW.trackingUri());
        RunInfo run = client.createRun(client.createExperiment("uploads"));
        String artifactUri = run.getArtifactUri();
        Path adapter = Files.createDirectories(dir.resolve("adapter/nested"));
        Files.writeString(adapter.resolveSibling("adapter_config.json"), "{\"r\": 8}");
        Files.write(adapter.resolve("weights.bin"), new byte[] {1, 2, 3});

        MlflowArtifacts artifacts = new MlflowArtifacts(MLFLOW.trackingUri());
        assertThat(artifacts.uploadFolder(artifactUri, "adapter", dir.resolve("adapter")))
                .containsExactly("adapter/adapter_config.json", "adapter/nested/weights.bin");
        assertThat(artifacts.download(artifactUri, "adapter/adapter_config.json")).isEqualTo("{\"r\": 8}");
        assertThat(client.sendGet("artifacts/list?run_id=" + run.getRunId() + "&path=adapter/nested"))
                .contains("\"path\": \"adapter/nested/weights.bin\"").contains("\"file_size\": 3");
    }

    private void register(Governance governance, String adapterName) throws IOException {
        Path adapter = Files.createDirectories(dir.resolve(adapterName));
        Files.writeString(adapter.resolve("adapter_model.safetensors"), adapterName);
        EvalSuite suite = governance.evaluation.loadSuite(SupportAnswers.SUITE);
        long runId = governance.evaluation.evaluate(suite, new EvalSubject("adapter " + adapterName, "tiny",
                AdapterHash.of(adapter), null), TUNED::get, "alice", null).evalRunId();
        governance.registry.register(new RegistrationRequest("support", "tiny", adapter, null, 42L, "alice", runId, "{}", "alice"));
    }

    private static Map<String, String> tags(MlflowClient client, String version) {
        return client.getModelVersion("support", version).getTagsList().stream()
                .collect(Collectors.toMap(ModelVersionTag::getKey, ModelVersionTag::getValue));
    }

    private static Map<String, String> aliases(MlflowClient client) {
        return client.getRegisteredModel("support").getAliasesList().stream()
                .collect(Collectors.toMap(RegisteredModelAlias::getAlias, RegisteredModelAlias::getVersion));
    }
}
