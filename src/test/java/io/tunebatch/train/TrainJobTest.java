package io.tunebatch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunebatch.definition.DefinedJobs;
import io.tunebatch.definition.JobDefinitionException;
import io.tunebatch.definition.JobDefinitionLoader;
import io.tunebatch.ops.JobsService;
import io.tunebatch.prepare.PrepareService;
import io.tunebatch.prepare.PrepareSummary;
import io.tunebatch.support.ApplicationTest;
import io.tunebatch.support.Databases;
import io.tunebatch.support.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The train job end to end on a tiny random Llama checkpoint: a grid of two candidates, each in
 * its own child JVM, per-step metrics and held-out loss recorded, the best selected; and a child
 * killed mid-training resumed by {@code jobs restart} to the very same adapter bytes.
 */
class TrainJobTest extends ApplicationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.useH2(registry);
        registry.add("tunebatch.train.child-heap", () -> "768m");
        registry.add("tunebatch.train.poll-millis", () -> "200");
    }

    @Autowired
    PrepareService prepare;
    @Autowired
    TrainService train;
    @Autowired
    JobsService jobs;
    @Autowired
    DefinedJobs definedJobs;
    @Autowired
    JobDefinitionLoader definitions;

    @TempDir
    Path dir;
    Path base;
    Path config;
    String snapshot;

    @BeforeEach
    void snapshotAndModel() throws Exception {
        base = TrainingFixture.tinyLlama(dir);
        Path sources = TrainingFixture.branchAnswers(dir);
        PrepareSummary prepared = prepare.summarize(prepare.prepare(sources.toString(), null));
        assertThat(prepared.snapshotExamples()).isEqualTo(TrainingFixture.EXAMPLES);
        snapshot = prepared.snapshotId();
        config = TestFiles.write(dir.resolve("train.yaml"), """
                name: tiny-test
                held_out_fraction: 0.25
                devices: cpu
                lora: {r: 2, alpha: 4, dropout: 0.0}
                optimizer: {learning_rate: 0.001, schedule: linear, warmup_steps: 1}
                training: {max_steps: 60, batch_size: 2, max_sequence_length: 192, seed: 11, checkpoint_every_steps: 4}
                grid: {r: [2, 4]}
                """);
    }

    @Test
    void trainsEveryCandidateRecordsMetricsAndSelectsTheLowestHeldOutLoss() throws Exception {
        JobExecution execution = train.train(snapshot, base, config);
        TrainingSummary summary = train.summarize(execution);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(summary.candidates()).hasSize(2).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo("COMPLETED");
            assertThat(c.steps()).isEqualTo(60);
            assertThat(c.heldOutLoss()).isFinite().isPositive();
            assertThat(Path.of(c.adapterPath()).resolve("adapter_config.json")).exists();
        });
        assertThat(summary.candidates()).extracting(TrainingRunRepository.RunView::rank).containsExactly(2, 4);
        TrainingRunRepository.RunView best = summary.candidates().stream()
                .min(java.util.Comparator.comparing(TrainingRunRepository.RunView::heldOutLoss)).orElseThrow();
        assertThat(summary.selected()).isEqualTo(best);
        assertThat(best.adapterSha256()).isEqualTo(
                CandidateTrainingTasklet.sha256(Path.of(best.adapterPath()).resolve("adapter_model.safetensors")));
        assertThat(count("SELECT COUNT(*) FROM training_metric m JOIN training_run r ON r.id = m.training_run_id "
                + "WHERE r.job_instance_id = ?", execution.getJobInstance().getInstanceId())).isEqualTo(120);
        assertThat(jdbc.queryForObject("SELECT evidence_json FROM training_selection WHERE job_instance_id = ?",
                String.class, execution.getJobInstance().getInstanceId())).contains("candidate-0-r2").contains("candidate-1-r4");
        assertThat(count("SELECT COUNT(*) FROM training_run WHERE held_out_examples + training_examples = 12")).isEqualTo(2);
    }

    @Test
    void aTrainingProcessKilledMidRunIsResumedByRestartToTheSameAdapter() throws Exception {
        config = TestFiles.write(dir.resolve("one-candidate.yaml"), Files.readString(config).replace("grid: {r: [2, 4]}", ""));
        Map<String, String> uninterrupted = adapterHashes(train.train(snapshot, base, config));

        Thread killer = new Thread(TrainJobTest::killFirstTrainingChildAfterACheckpoint);
        killer.start();
        JobExecution crashed = train.train(snapshot, base, config);
        killer.join();
        assertThat(crashed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(train.summarize(crashed).exitMessage()).contains("its process exited with code");

        JobExecution restarted = jobs.restart(crashed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT MIN(steps) FROM training_run WHERE job_instance_id = ?", Integer.class,
                restarted.getJobInstance().getInstanceId())).isEqualTo(60);
        PartitionResult resumed = TrainingWorker.JSON.readValue(
                partitionDir(restarted, "candidate-0-r2-lr0.001").resolve("result.json").toFile(), PartitionResult.class);
        assertThat(resumed.resumedFromStep()).as("resumed from a checkpoint, not from scratch").isPositive();
        assertThat(adapterHashes(restarted)).isEqualTo(uninterrupted);
    }

    @Test
    void withASuiteTheSelectedAdapterIsEvaluatedAndTheGateDecidesTheJob() throws Exception {
        config = TestFiles.write(dir.resolve("short.yaml"), Files.readString(config)
                .replace("max_steps: 60", "max_steps: 4").replace("grid: {r: [2, 4]}", ""));
        Path suite = TestFiles.write(dir.resolve("suite.yaml"), """
                name: branch-format
                cases:
                  - name: branch-number
                    type: format_compliance
                    prompt: "Which branch handles case 1?"
                    format: regex
                    pattern: 'Case \\d+ is handled by the branch office number \\d.*'
                """);

        JobExecution execution = train.train(snapshot, base, config, suite, "trainer-tom");

        // four steps of a random tiny model cannot produce the format: the gate fails the job and names the case
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getStepExecutions()).extracting(s -> s.getStepName() + ":" + s.getStatus())
                .contains("select-candidate:COMPLETED", "evaluate:FAILED");
        assertThat(train.summarize(execution).exitMessage()).contains("branch-number");
        assertThat(count("SELECT COUNT(*) FROM eval_run WHERE job_execution_id = ?", execution.getId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT adapter_sha256 FROM eval_run WHERE job_execution_id = ?", String.class,
                execution.getId())).isEqualTo(train.summarize(execution).selected().adapterSha256());
    }

    private Map<String, String> adapterHashes(JobExecution execution) {
        return train.summarize(execution).candidates().stream()
                .collect(Collectors.toMap(TrainingRunRepository.RunView::partitionName, TrainingRunRepository.RunView::adapterSha256));
    }

    private Path partitionDir(JobExecution execution, String partition) {
        return Path.of(System.getProperty("java.io.tmpdir"), "tunebatch-test-data", "train",
                Long.toString(execution.getJobInstance().getInstanceId()), partition);
    }

    /** Plays a libtorch crash: kill -9 of a training child JVM once its partition has saved a checkpoint. */
    static void killFirstTrainingChildAfterACheckpoint() {
        long started = System.currentTimeMillis();
        Path workspaces = Path.of(System.getProperty("java.io.tmpdir"), "tunebatch-test-data", "train");
        while (System.currentTimeMillis() < started + 120_000) {
            try (var files = Files.walk(workspaces, 3)) {
                boolean checkpointed = files.filter(f -> f.getFileName().toString().equals("metrics.jsonl"))
                        .filter(f -> f.toFile().lastModified() >= started)
                        .anyMatch(f -> readQuietly(f).contains("\"checkpoint\""));
                if (checkpointed) {
                    // the command line is cut at 4 KiB (long classpath); the JVM flag before it marks a training child
                    ProcessHandle.current().children()
                            .filter(p -> p.info().commandLine().orElse("").contains("-Dai.djl.offline=true"))
                            .forEach(ProcessHandle::destroyForcibly);
                    return;
                }
            } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
                // files appear and change while we look
            }
            sleepBriefly();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
