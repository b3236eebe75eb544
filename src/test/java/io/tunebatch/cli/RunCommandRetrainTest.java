package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.definition.DefinedRunSummaries;
import io.tunebatch.support.ApplicationTest;
import io.tunebatch.support.TestFiles;
import io.tunebatch.train.TrainingFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code run} of a definition that prepares, trains, evaluates against its own gate and registers
 * (the shape of jobs/quarterly-retrain.yaml) with the tiny model; on H2 and PostgreSQL by the subclasses.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class RunCommandRetrainTest extends ApplicationTest {

    static final String MODEL = "support-tiny";
    /** A case any output passes. */
    static final String ANY_ANSWER = """
              - name: any-answer
                type: format_compliance
                prompt: "Which branch handles case 1?"
                format: regex
                pattern: '(?s).*'
            """;

    @Autowired
    ApplicationContext context;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    DefinedRunSummaries summaries;

    @TempDir
    Path dir;

    @Test
    void aRunThatPassesItsGateRegistersTheSelectedAdapterAsADevelopmentVersion(CapturedOutput output) throws Exception {
        Path definition = retrainDefinition(dir, "retrain-pass", MODEL, ANY_ANSWER, "1.0");

        int exit = Cli.run(context, "run", definition.toString(), "--by", "trainer-ann", "--json");

        assertThat(exit).as(output.getErr()).isZero();
        long execution = count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        long instance = count("SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", execution);
        Map<String, Object> selection = jdbc.queryForMap("SELECT adapter_path, adapter_sha256 FROM training_selection "
                + "WHERE job_instance_id = ?", instance);
        Map<String, Object> snapshot = jdbc.queryForMap("SELECT id, fingerprint FROM dataset_snapshot WHERE job_instance_id = ?",
                instance);
        long evalRun = count("SELECT id FROM eval_run WHERE job_execution_id = ?", execution);
        assertThat(jdbc.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                + "AND STEP_NAME IN ('snapshot-seal', 'train', 'evaluate', 'register') ORDER BY STEP_EXECUTION_ID", String.class,
                execution)).containsExactly("snapshot-seal", "train", "evaluate", "register");

        // one development version with its lineage, through the registry
        Map<String, Object> version = jdbc.queryForMap("SELECT v.version, v.base_model, v.adapter_sha256, v.snapshot_id, "
                + "v.snapshot_fingerprint, v.training_job_execution_id, v.trained_by, v.registered_by, v.eval_run_id, "
                + "v.eval_pass_rate, v.hyperparameters, v.model_card_path, s.stage FROM model_version v "
                + "JOIN model_version_stage s ON s.model_version_id = v.id WHERE v.model_name = ?", MODEL);
        assertThat(version).containsEntry("VERSION", 1).containsEntry("STAGE", "development")
                .containsEntry("BASE_MODEL", dir.resolve("tiny-llama").toAbsolutePath().normalize().toString())
                .containsEntry("ADAPTER_SHA256", selection.get("ADAPTER_SHA256"))
                .containsEntry("SNAPSHOT_ID", snapshot.get("ID")).containsEntry("SNAPSHOT_FINGERPRINT", snapshot.get("FINGERPRINT"))
                .containsEntry("TRAINING_JOB_EXECUTION_ID", execution).containsEntry("TRAINED_BY", "trainer-ann")
                .containsEntry("REGISTERED_BY", "trainer-ann").containsEntry("EVAL_RUN_ID", evalRun)
                .containsEntry("EVAL_PASS_RATE", 1.0);
        assertThat((String) version.get("HYPERPARAMETERS")).contains("lowest held-out loss").contains("\"settings\":{")
                .contains((String) selection.get("ADAPTER_SHA256"));
        assertThat(jdbc.queryForList("SELECT cause || ':' || to_stage FROM model_transition", String.class))
                .containsExactly("register:development");
        String card = Files.readString(Path.of((String) version.get("MODEL_CARD_PATH")));
        assertThat(card).contains("# Model card: " + MODEL + " version 1").contains((String) selection.get("ADAPTER_SHA256"))
                .contains((String) snapshot.get("FINGERPRINT"));
        // the definition's gate raised the configured one (0.95) for this run
        assertThat(jdbc.queryForObject("SELECT gate_threshold FROM eval_run WHERE id = ?", Double.class, evalRun)).isEqualTo(1.0);

        // --json: every stage's result
        JsonNode json = JsonMapper.builder().build().readTree(output.getOut());
        assertThat(json.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(json.get("stages").toString()).isEqualTo("{\"prepare\":\"COMPLETED\",\"train\":\"COMPLETED\","
                + "\"evaluate\":\"COMPLETED\",\"register\":\"COMPLETED\"}");
        assertThat(json.at("/prepare/written").asLong()).isEqualTo(TrainingFixture.EXAMPLES);
        assertThat(json.at("/prepare/snapshotId").asString()).isEqualTo(snapshot.get("ID"));
        assertThat(json.at("/train/selected/adapterSha256").asString()).isEqualTo(selection.get("ADAPTER_SHA256"));
        assertThat(json.at("/evaluate/evalRunId").asLong()).isEqualTo(evalRun);
        assertThat(json.at("/evaluate/passRate").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/evaluate/gatePassed").asBoolean()).isTrue();
        assertThat(json.at("/registered/modelName").asString() + ":" + json.at("/registered/version").asInt())
                .isEqualTo(MODEL + ":1");
        assertThat(json.at("/registered/stage").asString()).isEqualTo("development");

        // the text summary names every stage's result too
        String text = printed(() -> RunCommand.printText(summaries.summarize(jobRepository.getJobExecution(execution))));
        assertThat(text).contains("retrain-pass COMPLETED (job execution " + execution + ")")
                .contains("prepare   COMPLETED").contains("examples written   " + TrainingFixture.EXAMPLES)
                .contains("train     COMPLETED on " + snapshot.get("ID"))
                .contains("selected ").contains((String) selection.get("ADAPTER_SHA256"))
                .contains("evaluate  COMPLETED: gate PASSED on suite 'retrain-suite' (eval run " + evalRun
                        + "): 1 of 1 cases passed, pass rate 1.000, gate 1.000")
                .contains("register  COMPLETED: " + MODEL + ":1 in development")
                .contains("tunebatch model promote " + MODEL + ":1");
    }

    @Test
    void aRunThatMissesItsGateEndsFailedNamingTheFailingCasesAndRegistersNothing(CapturedOutput output) throws Exception {
        Path definition = retrainDefinition(dir, "retrain-fail", MODEL, ANY_ANSWER + """
                  - name: never-this
                    type: format_compliance
                    prompt: "Which branch handles case 2?"
                    format: regex
                    pattern: '^NEVER-[0-9]{40}$'
                """, "0.5");

        int exit = Cli.run(context, "run", definition.toString());

        assertThat(exit).isEqualTo(JobOutcome.JOB_FAILED);
        long execution = count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class, execution))
                .isEqualTo("FAILED");
        assertThat(jdbc.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STEP_NAME IN ('evaluate', 'register')",
                String.class)).containsExactly("evaluate");
        assertThat(count("SELECT COUNT(*) FROM model_version")).isZero();
        assertThat(count("SELECT COUNT(*) FROM registered_model")).isZero();
        // the configured gate (0.95) stands: a definition's lower gate does not lower it
        assertThat(output.getErr()).contains("pass rate 0.500 is below 0.950; failing cases: never-this")
                .contains("restarting would evaluate the same adapter again").doesNotContain("jobs restart");
        assertThat(output.getOut()).contains("retrain-fail FAILED")
                .contains("prepare   COMPLETED").contains("examples written   " + TrainingFixture.EXAMPLES)
                .contains("train     COMPLETED on ").contains("selected ")
                .contains("evaluate  FAILED: gate FAILED on suite 'retrain-suite'")
                .contains("1 of 2 cases passed, pass rate 0.500, gate 0.950")
                .contains("failing cases      never-this")
                .contains("register  NOT_RUN: nothing registered");
    }

    /** Prepare → train (one tiny candidate) → evaluate on a suite of these cases with this gate → register as this model. */
    static Path retrainDefinition(Path dir, String name, String model, String cases, String gate) throws Exception {
        Path suite = TestFiles.write(dir.resolve("suite.yaml"), "name: retrain-suite\ncases:\n" + cases);
        return RunCommandTest.writePrepareAndTrainDefinition(dir, name, """
                  - type: evaluate
                    suite: %s
                    gate: %s
                  - type: register
                    model: %s
                """.formatted(suite, gate, model));
    }

    private static String printed(Runnable print) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            print.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
