package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunebatch.model.Architecture;
import io.tunebatch.model.TinyCheckpoint;
import io.tunebatch.support.ApplicationTest;
import io.tunebatch.support.MlflowServer;
import io.tunebatch.support.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.ModelRegistry.ModelVersionTag;
import org.mlflow.api.proto.ModelRegistry.RegisteredModelAlias;
import org.mlflow.tracking.MlflowClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #5's governance story end to end on a tiny model, as a user drives it: real files and the
 * real command tree, the MLflow mirror on a real server. Sample data whose answers are a desk code
 * (a fixed pattern) is prepared; the random base model fails the format suite; a LoRA adapter trained on
 * the data passes it in the train job's evaluate step; it is registered, refused promotion by its
 * trainer and promoted by a second person; a retrained version replaces it in production and a
 * rollback puts it back, in our tables and in MLflow's aliases; the audit rows refuse change.
 * Subclasses pick the database.
 */
abstract class EndToEndGovernanceTest extends ApplicationTest {

    static final List<String> CASES = List.of("known-wording", "unseen-case", "large-number", "other-wording");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Twice the width of the unit-test model: enough for LoRA to learn a short fixed-pattern answer in a few dozen CPU steps. */
    private static final TinyCheckpoint.Dimensions DIMENSIONS = new TinyCheckpoint.Dimensions(272, 64, 128, 2, 4, 2);

    /** The format: a desk code. Its characters are all distinct, so a model this small can learn it in a few dozen steps. */
    private static final String DESK_CODE = "DESK-[0-9]";

    @RegisterExtension
    static final MlflowServer MLFLOW = MlflowServer.shared();

    /** The registered model; one per database, as both share the MLflow server. */
    private final String model;

    EndToEndGovernanceTest(String model) {
        this.model = model;
    }

    @DynamicPropertySource
    static void trainingAndMirror(DynamicPropertyRegistry registry) {
        registry.add("tunebatch.mlflow.tracking-uri", MLFLOW::trackingUri);
        registry.add("tunebatch.train.child-heap", () -> "768m");
        registry.add("tunebatch.train.poll-millis", () -> "200");
        registry.add("tunebatch.evaluate.max-new-tokens", () -> "32");
    }

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void theBaseModelFailsTheTunedOnePassesAndItsReleaseIsGovernedToRollback() throws Exception {
        Path base = dir.resolve("tiny-llama");
        TinyCheckpoint.write(Architecture.LLAMA, base, 7, DIMENSIONS);
        Path suite = formatSuite();
        String snapshot = prepareRoutingAnswers();

        Run baseline = cli("evaluate", "--suite", suite, "--base", base, "--by", "alice", "--json");
        assertThat(baseline.exitCode).as(baseline.err).isEqualTo(EvaluateCommand.GATE_FAILED);
        assertThat(baseline.json().get("passRate").asDouble()).isZero();
        assertThat(baseline.json().get("failingCases").valueStream().map(JsonNode::asString).toList()).isEqualTo(CASES);
        assertThat(baseline.err).contains("eval gate failed on suite 'desk-format'");

        Run first = train(base, snapshot, suite, 11);
        JsonNode selected = first.json().get("selected");
        long firstEvalRun = first.json().get("evalRunId").asLong();
        assertThat(jdbc.queryForObject("SELECT pass_rate FROM eval_run WHERE id = ?", Double.class, firstEvalRun)).isEqualTo(1.0);
        assertThat(jdbc.queryForObject("SELECT job_execution_id || ' ' || adapter_sha256 FROM eval_run WHERE id = ?", String.class,
                firstEvalRun)).isEqualTo(first.json().get("jobExecutionId").asLong() + " " + selected.get("adapterSha256").asString());
        // what the models answered: random bytes from the base model, the desk code from the adapter
        assertThat(outputs(baseline.json().get("evalRunId").asLong())).noneMatch(o -> o.contains("DESK"));
        assertThat(outputs(firstEvalRun)).allMatch(o -> o.matches(DESK_CODE));

        // the train job recorded who launched it: a registration that names another trainer is refused
        Run otherTrainer = register(base, first, "--trained-by", "bob");
        assertThat(otherTrainer.exitCode).isEqualTo(2);
        assertThat(otherTrainer.err).contains("launched by alice; --trained-by bob contradicts it");
        Run registered = register(base, first);
        assertThat(registered.exitCode).as(registered.err).isZero();
        assertThat(registered.json().get("version").asInt()).isEqualTo(1);
        JsonNode card = cli("model", "show", model + ":1", "--json").json();
        assertThat(card.get("trainedBy").asString()).isEqualTo("alice");
        assertThat(card.get("hyperparameters").get("settings").get("seed").asInt()).isEqualTo(11);
        assertThat(card.get("hyperparameters").get("selection").get("candidates").get(0).get("adapterSha256").asString())
                .isEqualTo(selected.get("adapterSha256").asString());
        MlflowClient mlflow = new MlflowClient(MLFLOW.trackingUri());
        assertThat(tags(mlflow, "1")).containsEntry("tunebatch.stage", "development").containsEntry("eval_pass_rate", "1.0000")
                .containsEntry("trained_by", "alice").containsEntry("snapshot_id", snapshot)
                .containsEntry("adapter_sha256", selected.get("adapterSha256").asString())
                .containsEntry("training_job_execution_id", first.json().get("jobExecutionId").asString());
        assertThat(aliases(mlflow)).isEmpty();

        Run selfApproval = cli("model", "promote", model + ":1", "--by", "alice", "--reason", "my adapter passed");
        assertThat(selfApproval.exitCode).isEqualTo(2);
        assertThat(selfApproval.err).contains("four-eyes rule: alice launched the training of " + model + ":1 and cannot "
                + "approve its promotion; ask another person to approve");
        assertThat(count("SELECT COUNT(*) FROM model_promotion")).isZero();
        assertThat(cli("model", "promote", model + ":1", "--by", "bob", "--reason", "format suite passed").out)
                .contains(model + ":1: development → staging, approved by bob");
        assertThat(aliases(mlflow)).isEqualTo(Map.of("staging", "1"));
        assertThat(cli("model", "promote", model + ":1", "--by", "bob", "--reason", "release 1").exitCode).isZero();
        assertThat(aliases(mlflow)).isEqualTo(Map.of("production", "1"));

        Run retrained = train(base, snapshot, suite, 23);
        assertThat(retrained.json().get("selected").get("adapterSha256").asString())
                .isNotEqualTo(selected.get("adapterSha256").asString());
        Run second = register(base, retrained, "--trained-by", "alice", "--snapshot", snapshot);
        assertThat(second.exitCode).as(second.err).isZero();
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        assertThat(cli("model", "promote", model + ":2", "--by", "carol", "--reason", "retrained").exitCode).isZero();
        assertThat(cli("model", "promote", model + ":2", "--by", "carol", "--reason", "release 2").out)
                .contains("version 1 archived");
        assertThat(aliases(mlflow)).isEqualTo(Map.of("production", "2"));
        assertThat(tags(mlflow, "1")).containsEntry("tunebatch.stage", "archived");

        Run rollback = cli("model", "rollback", model, "--by", "dave", "--reason", "incident 7", "--json");
        assertThat(rollback.exitCode).as(rollback.err).isZero();
        assertThat(rollback.json().get("to").get("version").asInt()).isEqualTo(1);
        assertThat(rollback.json().get("from").get("stage").asString()).isEqualTo("archived");
        assertThat(rollback.json().get("elapsedMillis").asLong()).isLessThan(1000);
        assertThat(cli("model", "list").out).containsPattern(model + "\\s+2\\s+2\\s+-\\s+1");
        assertThat(jdbc.queryForList("SELECT version || ':' || stage FROM model_version_stage ORDER BY version", String.class))
                .containsExactly("1:production", "2:archived");
        assertThat(aliases(mlflow)).isEqualTo(Map.of("production", "1"));
        assertThat(tags(mlflow, "1")).containsEntry("tunebatch.stage", "production");
        assertThat(tags(mlflow, "2")).containsEntry("tunebatch.stage", "archived");
        JsonNode history = cli("model", "history", model, "--json").json();
        assertThat(history.valueStream().map(t -> "v" + t.get("version").asInt() + " " + t.get("cause").asString() + " "
                + t.get("toStage").asString() + " by " + t.get("actor").asString()).toList()).containsExactly(
                "v1 register development by alice", "v1 promote staging by bob", "v1 promote production by bob",
                "v2 register development by alice", "v2 promote staging by carol", "v1 superseded archived by carol",
                "v2 promote production by carol", "v2 rollback archived by dave", "v1 restore production by dave");

        assertThat(jdbc.queryForList("SELECT actor || ' ' || action FROM audit_event ORDER BY id", String.class))
                .containsExactly("alice model_registered", "bob model_promoted", "bob model_promoted", "alice model_registered",
                        "carol model_promoted", "carol model_promoted", "dave model_rolled_back");
        assertAppendOnly(Map.of(
                "model_promotion", "UPDATE model_promotion SET approver = 'alice'",
                "model_rollback", "UPDATE model_rollback SET to_version_id = from_version_id",
                "model_transition", "UPDATE model_transition SET to_stage = 'production'",
                "model_version", "UPDATE model_version SET trained_by = 'mallory'",
                "eval_run", "UPDATE eval_run SET pass_rate = 1.0",
                "eval_result", "UPDATE eval_result SET passed = TRUE",
                "audit_event", "UPDATE audit_event SET actor = 'mallory'"));
    }

    /** Four format cases; only the first prompt is worded as in the training data, none has its case number. */
    private Path formatSuite() {
        return TestFiles.write(dir.resolve("desk-format.yaml"), """
                name: desk-format
                description: The router answers with a desk code and nothing else.
                cases:
                  - name: known-wording
                    type: format_compliance
                    prompt: "Which office handles case 3?"
                    format: regex
                    pattern: '%1$s'
                  - name: unseen-case
                    type: format_compliance
                    prompt: "Which office handles case 40?"
                    format: regex
                    pattern: '%1$s'
                  - name: large-number
                    type: format_compliance
                    prompt: "Which office handles case 98765?"
                    format: regex
                    pattern: '%1$s'
                  - name: other-wording
                    type: format_compliance
                    prompt: "Where does case 7 go?"
                    format: regex
                    pattern: '%1$s'
                """.formatted(DESK_CODE));
    }

    /** Sixteen routing answers in four wordings, prepared by a job definition; returns the snapshot id. */
    private String prepareRoutingAnswers() {
        List<String> wordings = List.of("Which office handles case %d?", "Route case %d to an office.", "Who should take case %d?",
                "Case %d: which office?");
        TestFiles.write(dir.resolve("sources/routing.jsonl"), IntStream.range(0, 16).mapToObj(i ->
                "{\"source_document_id\":\"R-" + i + "\",\"instruction\":\"" + wordings.get(i % 4).formatted(i * 7919 % 100_000)
                        + "\",\"input\":\"\",\"output\":\"DESK-" + (i % 3) + "\"}")
                .collect(Collectors.joining("\n")) + "\n");
        Path definition = TestFiles.write(dir.resolve("routing-prepare.yaml"), """
                name: routing-prepare
                steps:
                  - type: prepare
                    sources:
                      - path: %s
                        source_system: router
                        format: jsonl
                    validation:
                      min_output_words: 1
                """.formatted(dir.resolve("sources")));
        Run prepared = cli("run", definition, "--json");
        assertThat(prepared.exitCode).as(prepared.err).isZero();
        JsonNode prepare = prepared.json().get("prepare");
        assertThat(prepare.get("snapshotExamples").asInt()).isEqualTo(16);
        return prepare.get("snapshotId").asString();
    }

    /** One LoRA candidate on every projection, seeded; the job's evaluate step runs the suite on it. */
    private Run train(Path base, String snapshot, Path suite, int seed) {
        Path config = TestFiles.write(dir.resolve("office-lora-" + seed + ".yaml"), """
                name: office-lora
                held_out_fraction: 0.25
                devices: cpu
                lora: {r: 8, alpha: 16, dropout: 0.0, target_modules: [q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj]}
                optimizer: {learning_rate: 0.01, schedule: constant}
                training: {max_steps: 40, batch_size: 4, max_sequence_length: 128, seed: %d, checkpoint_every_steps: 0}
                """.formatted(seed));
        Run trained = cli("train", "--snapshot", snapshot, "--base", base, "--config", config, "--suite", suite,
                "--by", "alice", "--json");
        assertThat(trained.exitCode).as(trained.out + trained.err).isZero();
        return trained;
    }

    /** {@code model register} of the selected adapter with the eval run of its train job; the job supplies the rest. */
    private Run register(Path base, Run trained, String... more) {
        JsonNode summary = trained.json();
        List<String> args = new java.util.ArrayList<>(List.of("model", "register", model, "--base", base.toString(),
                "--adapter", summary.get("selected").get("adapterPath").asString(), "--eval-run",
                summary.get("evalRunId").asString(), "--by", "alice", "--json"));
        args.addAll(List.of(more));
        return cli(args.toArray());
    }

    private void assertAppendOnly(Map<String, String> updates) {
        updates.forEach((table, update) -> {
            long rows = count("SELECT COUNT(*) FROM " + table);
            assertThat(rows).as(table).isPositive();
            assertThatThrownBy(() -> jdbc.update(update)).as(update).rootCause().isInstanceOf(SQLException.class)
                    .hasMessageContaining(table + " is append-only");
            assertThatThrownBy(() -> jdbc.update("DELETE FROM " + table)).as("DELETE FROM " + table).rootCause()
                    .hasMessageContaining(table + " is append-only: DELETE refused");
            assertThat(count("SELECT COUNT(*) FROM " + table)).as(table).isEqualTo(rows);
        });
    }

    private List<String> outputs(long evalRun) {
        return jdbc.queryForList("SELECT output_redacted FROM eval_result WHERE eval_run_id = ? ORDER BY case_index", String.class,
                evalRun).stream().map(String::strip).toList();
    }

    private Map<String, String> tags(MlflowClient mlflow, String version) {
        return mlflow.getModelVersion(model, version).getTagsList().stream()
                .collect(Collectors.toMap(ModelVersionTag::getKey, ModelVersionTag::getValue));
    }

    private Map<String, String> aliases(MlflowClient mlflow) {
        return mlflow.getRegisteredModel(model).getAliasesList().stream()
                .collect(Collectors.toMap(RegisteredModelAlias::getAlias, RegisteredModelAlias::getVersion));
    }

    /** Runs one command line of the application's command tree; stdout and stderr of that command alone. */
    private Run cli(Object... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int exitCode = Cli.run(context, java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
            return new Run(exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private record Run(int exitCode, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }
}
