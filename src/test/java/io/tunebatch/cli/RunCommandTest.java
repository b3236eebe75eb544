package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.ops.JobsService;
import io.tunebatch.support.ApplicationTest;
import io.tunebatch.support.Databases;
import io.tunebatch.support.TestFiles;
import io.tunebatch.train.TrainingFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code run jobs/FILE.yaml} through the real command tree on H2. */
@ExtendWith(OutputCaptureExtension.class)
class RunCommandTest extends ApplicationTest {

    static final String CARD = "4539148803436467";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        Databases.useH2(registry);
        registry.add("tunebatch.train.child-heap", () -> "768m");
        registry.add("tunebatch.train.poll-millis", () -> "200");
        // cards of this class's registrations only: a test blocks a card folder
        Path cards = Files.createTempDirectory("tunebatch-cards");
        registry.add("tunebatch.registry.card-dir", cards::toString);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    JobsService jobs;
    @Autowired
    JobRegistry jobRegistry;

    @TempDir
    Path dir;

    @Test
    void runsAPrepareDefinitionWithItsSourcesAndPoliciesAndRecordsIt(CapturedOutput output) throws Exception {
        Path definition = writeDefinitionAndSources("nightly-test");

        int exit = Cli.run(context, "run", definition.toString(), "--json");

        assertThat(exit).as(output.getErr()).isZero();
        long execution = count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        Map<String, String> parameters = jobs.show(execution).orElseThrow().parameters();
        assertThat(jobs.show(execution).orElseThrow().jobName()).isEqualTo("nightly-test");
        assertThat(parameters).containsEntry("definition", definition.toAbsolutePath().normalize().toString())
                .containsEntry("definition.sha256", sha256(definition));
        // both sources, each with its own system and field mapping; the jsonl file in the csv folder is not read
        assertThat(jdbc.queryForList("SELECT source_system || ':' || source_document_id FROM example_source ORDER BY 1",
                String.class)).containsExactly("genesys:C-1", "genesys:C-2", "zendesk:T-1", "zendesk:T-2");
        // the definition's operators: CREDIT_CARD masked, the rest replaced
        String input = jdbc.queryForObject("SELECT e.input_text FROM training_example e JOIN example_source s "
                + "ON s.example_id = e.id WHERE s.source_document_id = 'T-2'", String.class);
        assertThat(input).contains("************6467").contains("<EMAIL_ADDRESS>").doesNotContain(CARD);
        // min_output_words: 3 makes the three-word output valid (the application default, 10, would not)
        assertThat(count("SELECT COUNT(*) FROM validation_issue WHERE rule = 'output_too_short'")).isZero();
        assertThat(output.getOut()).contains("\"status\" : \"COMPLETED\"").contains("\"written\" : 4");
        assertThat(output.getAll()).doesNotContain(CARD);
    }

    @Test
    void aDefinitionRunThatFailedIsRestartedByAFreshProcessFromItsParameters() throws Exception {
        Path definition = writeDefinitionAndSources("nightly-restart");
        failures.arm("piiScanWriter", 1);
        int exit = Cli.run(context, "run", definition.toString());
        assertThat(exit).isEqualTo(JobOutcome.JOB_FAILED);
        long failed = count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        // a new process knows no job of that name: restart rebuilds it from the execution's parameters
        jobRegistry.unregister("nightly-restart");
        Files.writeString(definition, "# edited after the run: the restart must not read it\n", java.nio.file.StandardOpenOption.APPEND);

        assertThat(Cli.run(context, "jobs", "restart", String.valueOf(failed))).isZero();

        assertThat(count("SELECT COUNT(*) FROM training_example WHERE pii_scan_result IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM pii_detection")).isEqualTo(count("SELECT COUNT(DISTINCT example_id || field "
                + "|| start_offset) FROM pii_detection"));
        assertThat(jdbc.queryForList("SELECT DISTINCT source_system FROM example_source ORDER BY 1", String.class))
                .containsExactly("genesys", "zendesk");
    }

    @Test
    void aBadDefinitionExitsTwoNamingFileLineAndFieldAndStartsNothing(CapturedOutput output) {
        Path definition = TestFiles.write(dir.resolve("broken.yaml"), """
                name: broken
                steps:
                  - type: prepare
                    sources:
                      - path: ${tunebatch.no-such-setting}/x.jsonl
                        source_system: zendesk
                        format: jsonl
                """);
        assertThat(Cli.run(context, "run", definition.toString())).isEqualTo(2);
        assertThat(output.getErr()).contains(definition + ":5: steps[0].sources[0].path: unresolvable placeholder");

        TestFiles.write(definition, """
                name: broken
                steps:
                  - type: prepare
                    sources:
                      - path: /nowhere/*.jsonl
                        source_system: zendesk
                        format: xml
                    pii:
                      threshold: 1.5
                """);
        assertThat(Cli.run(context, "run", definition.toString())).isEqualTo(2);
        assertThat(output.getErr()).contains(definition + ":7: steps[0].sources[0].format:")
                .contains(definition + ":9: steps[0].pii.threshold:");
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isZero();
    }

    @Test
    void remoteTrainingPartitionsAreRefusedBeforeAnythingStarts(CapturedOutput output) {
        writeDefinitionAndSources("unused");
        Path definition = TestFiles.write(dir.resolve("retrain.yaml"), """
                name: retrain
                steps:
                  - type: prepare
                    sources:
                      - path: %s
                        source_system: zendesk
                        format: jsonl
                  - type: train
                    config: jobs/train/support-assistant-lora.yaml
                    partitions: remote
                  - type: evaluate
                    suite: jobs/eval-suites/support-answers.yaml
                    gate: 0.9
                  - type: register
                    model: support-assistant
                """.formatted(dir.resolve("tickets")));

        assertThat(Cli.run(context, "run", definition.toString())).isEqualTo(2);

        assertThat(output.getErr()).contains(definition + ":10: steps[1].partitions: remote training partitions need "
                        + "tunebatch.partitioning.mode=remote in the process that runs the job")
                .doesNotContain("gate").doesNotContain("register");
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("nothing ran, not even prepare").isZero();
    }

    @Test
    void aPrepareTrainEvaluateDefinitionTrainsOnTheSnapshotItsOwnPrepareSealedThenEvaluates(CapturedOutput output)
            throws Exception {
        Path suite = TestFiles.write(dir.resolve("suite.yaml"), """
                name: any-answer
                cases:
                  - name: any
                    type: format_compliance
                    prompt: "Which branch handles case 1?"
                    format: regex
                    pattern: '(?s).*'
                """);
        Path definition = writePrepareAndTrainDefinition("prepare-train", """
                  - type: evaluate
                    suite: %s
                """.formatted(suite));

        int exit = Cli.run(context, "run", definition.toString());

        assertThat(exit).as(output.getErr()).isZero();
        long instance = count("SELECT MAX(JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE");
        assertTrainedOnItsOwnSnapshot(instance);
        assertThat(jdbc.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STEP_NAME NOT LIKE 'train-candidate%' "
                + "ORDER BY STEP_EXECUTION_ID", String.class)).containsExactly("ingest", "plant-canaries", "pii-scan", "validate",
                "validation-report", "snapshot", "snapshot-seal", "training-snapshot", "training-data", "train",
                "select-candidate", "evaluate");
        assertThat(jdbc.queryForObject("SELECT r.adapter_sha256 FROM eval_run r JOIN BATCH_JOB_EXECUTION e "
                + "ON e.JOB_EXECUTION_ID = r.job_execution_id WHERE e.JOB_INSTANCE_ID = ?", String.class, instance))
                .isEqualTo(jdbc.queryForObject("SELECT t.adapter_sha256 FROM training_run t JOIN training_selection s "
                        + "ON s.training_run_id = t.id WHERE s.job_instance_id = ?", String.class, instance));
    }

    @Test
    void aPrepareAndTrainRunThatFailedIsRebuiltAndTrainedByARestart() throws Exception {
        Path definition = writePrepareAndTrainDefinition("prepare-train-restart", "");
        failures.arm("piiScanWriter", 1);
        assertThat(Cli.run(context, "run", definition.toString())).isEqualTo(JobOutcome.JOB_FAILED);
        long failed = count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        jobRegistry.unregister("prepare-train-restart");

        assertThat(Cli.run(context, "jobs", "restart", String.valueOf(failed))).isZero();

        assertTrainedOnItsOwnSnapshot(count("SELECT MAX(JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE"));
    }

    @Test
    void aRunWhoseRegisterStepFailedIsRestartedAndRegistersTheEvaluatedAdapter(CapturedOutput output) throws Exception {
        Path definition = RunCommandRetrainTest.retrainDefinition(dir, "retrain-restart", "support-restart",
                RunCommandRetrainTest.ANY_ANSWER, "1.0");
        // a file where the model's card folder goes: registration fails and rolls back
        Path cards = Path.of(context.getEnvironment().getRequiredProperty("tunebatch.registry.card-dir"));
        Path blocker = TestFiles.write(cards.resolve("support-restart"), "not a folder\n");
        try {
            assertThat(Cli.run(context, "run", definition.toString())).isEqualTo(JobOutcome.JOB_FAILED);
        } finally {
            Files.delete(blocker);
        }
        long failed = count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'register'", String.class))
                .isEqualTo("FAILED");
        assertThat(output.getOut()).contains("prepare   COMPLETED").contains("train     COMPLETED")
                .contains("evaluate  COMPLETED: gate PASSED").contains("register  FAILED: nothing registered");
        assertThat(count("SELECT COUNT(*) FROM model_version")).isZero();
        jobRegistry.unregister("retrain-restart");

        assertThat(Cli.run(context, "jobs", "restart", String.valueOf(failed))).as(output.getErr()).isZero();

        long restarted = count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        assertThat(jdbc.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class,
                restarted)).as("only the register step runs again").containsExactly("register");
        assertThat(jdbc.queryForList("SELECT v.model_name || ':' || v.version || ' ' || s.stage FROM model_version v "
                + "JOIN model_version_stage s ON s.model_version_id = v.id", String.class))
                .containsExactly("support-restart:1 development");
        assertThat(count("SELECT eval_run_id FROM model_version")).isEqualTo(count("SELECT id FROM eval_run"));
        assertThat(count("SELECT training_job_execution_id FROM model_version")).isEqualTo(failed);
    }

    @Test
    void theShippedDefinitionsPassTheSameChecksAsInCi() throws Exception {
        Path data = Path.of(System.getProperty("java.io.tmpdir"), "tunebatch-test-data", "sources");
        TestFiles.write(data.resolve("support-tickets/a.jsonl"), "{}\n");
        TestFiles.write(data.resolve("bank-chats/a.csv"), "x\n");
        TestFiles.write(data.resolve("clinical-notes/a.jsonl"), "{}\n");
        io.tunebatch.definition.JobDefinitionLoader loader = context.getBean(io.tunebatch.definition.JobDefinitionLoader.class);

        var nightly = loader.load(Path.of("jobs/nightly-prepare.yaml"));
        var quarterly = loader.load(Path.of("jobs/quarterly-retrain.yaml"));

        assertThat(nightly.prepare().sources()).hasSize(3);
        assertThat(nightly.prepare().pii().operators()).containsEntry("CREDIT_CARD", "mask");
        assertThat(quarterly.laterSteps()).extracting(s -> s.type()).containsExactly("train", "evaluate", "register");
        // what the train and evaluate steps name ships with the project (the CronJob runs from the image's /app)
        assertThat(Path.of(quarterly.laterStep("train").orElseThrow().setting("config"))).isRegularFile();
        assertThat(Path.of(quarterly.laterStep("evaluate").orElseThrow().setting("suite"))).isRegularFile();
    }

    private Path writeDefinitionAndSources(String name) {
        TestFiles.write(dir.resolve("tickets/t.jsonl"), String.join("\n",
                "{\"source_document_id\":\"T-1\",\"instruction\":\"Answer the question.\",\"input\":\"What is the cutoff?\","
                        + "\"output\":\"Wires close at four.\"}",
                "{\"source_document_id\":\"T-2\",\"instruction\":\"Draft a reply.\",\"input\":\"Mail me at ana.perez@bankmail.example"
                        + " about card " + CARD + ".\",\"output\":\"We will write soon.\"}") + "\n");
        TestFiles.write(dir.resolve("chats/c.csv"), String.join("\n",
                "conversation_id,customer_message,agent_reply",
                "C-1,How do I reset my PIN?,Use the app settings.",
                "C-2,Is the branch open Sunday?,No it is closed.") + "\n");
        TestFiles.write(dir.resolve("chats/ignored.jsonl"), "{\"not\":\"read\"}\n");
        return TestFiles.write(dir.resolve(name + ".yaml"), """
                name: %s
                steps:
                  - type: prepare
                    sources:
                      - path: %s/*.jsonl
                        source_system: zendesk
                        format: jsonl
                      - path: %s
                        source_system: genesys
                        format: csv
                        fields:
                          source_document_id: conversation_id
                          instruction: customer_message
                          output: agent_reply
                    skip_limit: 5
                    pii:
                      threshold: 0.5
                      operators:
                        default: replace
                        CREDIT_CARD: mask
                    validation:
                      min_output_words: 3
                """.formatted(name, dir.resolve("tickets"), dir.resolve("chats")));
    }

    private void assertTrainedOnItsOwnSnapshot(long instance) {
        assertThat(count("SELECT COUNT(*) FROM training_selection WHERE job_instance_id = ?", instance)).isOne();
        assertThat(jdbc.queryForList("SELECT DISTINCT snapshot_id FROM training_run WHERE job_instance_id = ?", String.class,
                instance)).containsExactly("ds_" + instance);
        assertThat(jdbc.queryForObject("SELECT fingerprint FROM dataset_snapshot WHERE id = ?", String.class, "ds_" + instance))
                .isEqualTo(jdbc.queryForObject("SELECT DISTINCT snapshot_fingerprint FROM training_run WHERE job_instance_id = ?",
                        String.class, instance));
    }

    /** Twelve valid examples, a tiny random Llama and one candidate of four steps; then {@code laterSteps}. */
    private Path writePrepareAndTrainDefinition(String name, String laterSteps) throws Exception {
        return writePrepareAndTrainDefinition(dir, name, laterSteps);
    }

    /** A definition that prepares {@link TrainingFixture}'s answers and trains one tiny candidate on them; then {@code laterSteps}. */
    static Path writePrepareAndTrainDefinition(Path dir, String name, String laterSteps) throws Exception {
        Path base = TrainingFixture.tinyLlama(dir);
        Path sources = TrainingFixture.branchAnswers(dir);
        Path config = TestFiles.write(dir.resolve("train.yaml"), """
                name: tiny-test
                held_out_fraction: 0.25
                devices: cpu
                lora: {r: 2, alpha: 4, dropout: 0.0}
                optimizer: {learning_rate: 0.001, schedule: linear, warmup_steps: 1}
                training: {max_steps: 4, batch_size: 2, max_sequence_length: 192, seed: 11, checkpoint_every_steps: 2}
                """);
        return TestFiles.write(dir.resolve(name + ".yaml"), """
                name: %s
                steps:
                  - type: prepare
                    sources:
                      - path: %s
                        source_system: kb
                        format: jsonl
                  - type: train
                    config: %s
                    base: %s
                """.formatted(name, sources, config, base) + laterSteps);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
