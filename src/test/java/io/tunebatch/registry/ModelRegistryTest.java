package io.tunebatch.registry;

import static io.tunebatch.support.SupportAnswers.BASE;
import static io.tunebatch.support.SupportAnswers.REGRESSED;
import static io.tunebatch.support.SupportAnswers.TUNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunebatch.evaluate.AdapterHash;
import io.tunebatch.evaluate.EvalSubject;
import io.tunebatch.evaluate.EvalSuite;
import io.tunebatch.evaluate.GateFailedException;
import io.tunebatch.evaluate.StoredEvaluation;
import io.tunebatch.evaluate.TextGenerator;
import io.tunebatch.support.EmailPiiDetector;
import io.tunebatch.support.Governance;
import io.tunebatch.support.SupportAnswers;
import io.tunebatch.support.TestDatabases.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelRegistryTest {

    @TempDir
    Path dir;

    private Governance governance;
    private EvalSuite suite;

    private void setUp(Database database) {
        governance = new Governance(database.dataSource(), dir, new EmailPiiDetector(), null);
        suite = governance.evaluation.loadSuite(SupportAnswers.SUITE);
    }

    @ParameterizedTest
    @MethodSource("io.tunebatch.support.TestDatabases#both")
    void versionsMoveUpOnlyWithASecondPersonAndRollBackToThePreviousProductionVersion(Database database) throws IOException {
        setUp(database);
        ModelVersion v1 = register("support", adapter("a1"), TUNED::get, "alice");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.stage()).isEqualTo("development");
        assertThat(v1.adapterSha256()).isEqualTo(AdapterHash.of(dir.resolve("a1")));
        assertThat(Path.of(v1.modelCardPath())).exists().content().contains("# Model card: support version 1")
                .contains(v1.adapterSha256()).contains("None yet. Promotion needs an approver other than the trainer (alice)");
        assertThat(Path.of(v1.modelCardPath()).resolveSibling("model-card.json")).exists();

        assertThatThrownBy(() -> governance.registry.promote("support", 1, "Alice ", "looks good"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("four-eyes rule: Alice launched the training of support:1 and cannot approve its promotion; "
                        + "ask another person to approve");
        assertThat(count("model_promotion")).isZero();

        ModelRegistry.Promotion toStaging = governance.registry.promote("support", 1, "bob", "passed review");
        assertThat(toStaging.fromStage()).isEqualTo("development");
        assertThat(toStaging.toStage()).isEqualTo("staging");
        assertThat(governance.registry.promote("support", 1, "bob", "ship it").version().stage()).isEqualTo("production");
        assertThat(Path.of(v1.modelCardPath())).content().contains("| staging | production | bob |");

        register("support", adapter("a2"), TUNED::get, "alice");
        governance.registry.promote("support", 2, "bob", "better tone");
        ModelRegistry.Promotion v2Live = governance.registry.promote("support", 2, "carol", "release 2");
        assertThat(v2Live.replaced().version()).isEqualTo(1);
        assertThat(stages()).containsExactly("archived", "production");
        assertThatThrownBy(() -> governance.registry.promote("support", 2, "bob", "again"))
                .hasMessage("support:2 is in production and cannot be promoted; only development → staging → production");

        ModelRegistry.Rollback rollback = governance.registry.rollback("support", "dave", "complaints about v2");
        assertThat(rollback.from().version()).isEqualTo(2);
        assertThat(rollback.to().version()).isEqualTo(1);
        assertThat(stages()).containsExactly("production", "archived");
        assertThat(governance.jdbc.sql("SELECT performed_by FROM model_rollback").query(String.class).single()).isEqualTo("dave");
        assertThatThrownBy(() -> governance.registry.rollback("support", "dave", "again"))
                .hasMessage("support:1 was the first production version of support; there is no earlier production version to roll back to");

        assertThat(governance.registry.history("support"))
                .extracting(t -> t.version() + ":" + t.fromStage() + "->" + t.toStage() + ":" + t.cause() + ":" + t.actor())
                .containsExactly(
                        "1:null->development:register:alice",
                        "1:development->staging:promote:bob",
                        "1:staging->production:promote:bob",
                        "2:null->development:register:alice",
                        "2:development->staging:promote:bob",
                        "1:production->archived:superseded:carol",
                        "2:staging->production:promote:carol",
                        "2:production->archived:rollback:dave",
                        "1:archived->production:restore:dave");
        assertThat(governance.jdbc.sql("SELECT action FROM audit_event ORDER BY id").query(String.class).list())
                .containsExactly("model_registered", "model_promoted", "model_promoted", "model_registered", "model_promoted",
                        "model_promoted", "model_rolled_back");
        assertThat(governance.registry.models()).containsExactly(new ModelRegistry.ModelSummary("support", 2, 2, null, 1));
    }

    @ParameterizedTest
    @MethodSource("io.tunebatch.support.TestDatabases#both")
    void nothingIsRegisteredWithoutPassingTheGateOnExactlyThatAdapter(Database database) throws IOException {
        setUp(database);
        Path adapter = adapter("base-only");
        StoredEvaluation failing = evaluate(adapter, BASE::get);
        assertThatThrownBy(() -> governance.registry.register(request("support", adapter, failing.evalRunId(), "alice")))
                .isInstanceOf(GateFailedException.class)
                .hasMessageContaining("pass rate 0.200 is below 0.950; failing cases: refund-window, no-credentials, ticket-json, ticket-id");

        StoredEvaluation passing = evaluate(adapter, TUNED::get);
        Path other = adapter("other");
        assertThatThrownBy(() -> governance.registry.register(request("support", other, passing.evalRunId(), "alice")))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("did not evaluate this adapter");
        assertThat(count("model_version")).isZero();
        assertThat(count("registered_model")).isZero();
    }

    @ParameterizedTest
    @MethodSource("io.tunebatch.support.TestDatabases#both")
    void promotionChecksTheGateAgainOnTheNewestEvaluationOfTheVersion(Database database) throws IOException {
        setUp(database);
        Path adapter = adapter("a1");
        register("support", adapter, TUNED::get, "alice");
        ModelVersion v1 = governance.registry.version("support", 1);
        // re-evaluated after registration (e.g. the serving stack changed) and it regressed
        governance.evaluation.evaluate(suite, new EvalSubject("support:1", "base", v1.adapterSha256(), v1.id()),
                REGRESSED::get, "ci", null);

        assertThatThrownBy(() -> governance.registry.promote("support", 1, "bob", "ship"))
                .isInstanceOf(GateFailedException.class)
                .hasMessageContaining("cannot promote support:1: eval gate not met")
                .hasMessageContaining("pass rate 0.800 is below 0.950; failing cases: ticket-id");
        assertThat(count("model_promotion")).isZero();
        assertThat(governance.registry.version("support", 1).stage()).isEqualTo("development");
    }

    private ModelVersion register(String model, Path adapter, TextGenerator generator, String trainer) {
        StoredEvaluation evaluation = evaluate(adapter, generator);
        return governance.registry.register(request(model, adapter, evaluation.evalRunId(), trainer));
    }

    private StoredEvaluation evaluate(Path adapter, TextGenerator generator) {
        return governance.evaluation.evaluate(suite, new EvalSubject("base=tiny adapter=" + adapter, "tiny",
                AdapterHash.of(adapter), null), generator, "alice", null);
    }

    private static RegistrationRequest request(String model, Path adapter, long evalRunId, String trainer) {
        return new RegistrationRequest(model, "tiny", adapter, null, null, trainer, evalRunId,
                "{\"hyperparameters\": {\"lora_r\": 8}, \"selection\": {\"candidates\": 4, \"metric\": \"val_loss\"}}", "alice");
    }

    private Path adapter(String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("adapter_config.json"), "{\"r\": 8, \"name\": \"" + name + "\"}");
        Files.write(folder.resolve("adapter_model.safetensors"), name.getBytes());
        return folder;
    }

    private List<String> stages() {
        return governance.jdbc.sql("SELECT stage FROM model_version_stage ORDER BY version").query(String.class).list();
    }

    private int count(String table) {
        return governance.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }
}
