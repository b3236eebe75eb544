package io.tunebatch.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.definition.DefinedJobs;
import io.tunebatch.definition.JobDefinitionLoader;
import io.tunebatch.ops.JobsService;
import io.tunebatch.prepare.PrepareService;
import io.tunebatch.prepare.PrepareSummary;
import io.tunebatch.support.Databases;
import io.tunebatch.support.TestFiles;
import io.tunebatch.support.WorkerJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The train step's candidates on two worker JVMs on embedded PostgreSQL, all three processes
 * sharing one data directory (the shared volume): the candidates spread over both workers; a
 * worker killed mid-candidate fails the step once its partition has been silent for the heartbeat
 * timeout, naming it; and {@code jobs restart} trains it on the other worker from the dead one's
 * checkpoint, ending with the metrics, adapters and selection of an uninterrupted run.
 */
@SpringBootTest(properties = {
        "tunebatch.cli.enabled=false",
        "tunebatch.partitioning.mode=remote",
        "tunebatch.partitioning.grid-size=2",
        "tunebatch.partitioning.timeout=10m",
        "tunebatch.partitioning.heartbeat-timeout=10s",
        "tunebatch.partitioning.poll-interval=250ms",
        "tunebatch.pii.encryption-key=" + RemoteTrainTest.KEY})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteTrainTest {

    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final int STEPS = 40;
    static final String DATABASE_URL = Databases.newPostgresUrl("remote_train");
    /** The shared volume: the job's process and both workers use it as tunebatch.data-dir. */
    static final Path SHARED = Path.of(System.getProperty("java.io.tmpdir"), "tunebatch-remote-train").toAbsolutePath();
    static final List<WorkerJvm> WORKERS = new ArrayList<>();

    static Path base;
    static Path config;
    static String snapshot;
    /** What the uninterrupted run of test 1 produced: adapter hash per candidate, and the selected candidate. */
    static Map<String, String> uninterruptedAdapters;
    static String uninterruptedSelection;

    @Autowired
    PrepareService prepare;
    @Autowired
    TrainService train;
    @Autowired
    DefinedJobs definedJobs;
    @Autowired
    JobDefinitionLoader definitions;
    @Autowired
    TrainingRunRepository trainingRuns;
    @Autowired
    JobsService jobs;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void databaseAndSharedVolume(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("tunebatch.data-dir", SHARED::toString);
    }

    @BeforeAll
    static void modelConfigurationAndTwoWorkers() throws Exception {
        Path fixture = SHARED.resolve("fixture");
        base = TrainingFixture.tinyLlama(fixture);
        config = TestFiles.write(fixture.resolve("train.yaml"), """
                name: tiny-remote
                held_out_fraction: 0.25
                devices: auto
                lora: {r: 2, alpha: 4, dropout: 0.0}
                optimizer: {learning_rate: 0.001, schedule: linear, warmup_steps: 1}
                training: {max_steps: %d, batch_size: 2, max_sequence_length: 192, seed: 11, checkpoint_every_steps: 4}
                grid: {r: [2, 4]}
                """.formatted(STEPS));
        Map<String, String> properties = Map.of("tunebatch.data-dir", SHARED.toString(),
                "tunebatch.pii.encryption-key", KEY,
                "tunebatch.train.child-heap", "768m",
                "tunebatch.train.poll-millis", "200",
                "tunebatch.partitioning.worker-poll-interval", "200ms",
                // one libtorch thread per training child, as in the other training tests: two children share two cores
                "ai.djl.pytorch.num_threads", "1",
                "ai.djl.pytorch.num_interop_threads", "1");
        WORKERS.addAll(WorkerJvm.startTwo(DATABASE_URL, properties));
    }

    @AfterAll
    static void killWorkers() throws InterruptedException {
        WorkerJvm.killAll(WORKERS);
    }

    @Test
    @Order(1)
    void aJobDefinitionSendsTheCandidatesToBothWorkers() throws Exception {
        PrepareSummary prepared = prepare.summarize(prepare.prepare(TrainingFixture.branchAnswers(SHARED.resolve("fixture")).toString(), null));
        assertThat(prepared.snapshotExamples()).isEqualTo(TrainingFixture.EXAMPLES);
        snapshot = prepared.snapshotId();
        Path definition = TestFiles.write(SHARED.resolve("fixture/remote-retrain.yaml"), """
                name: remote-retrain
                steps:
                  - type: train
                    config: %s
                    base: %s
                    snapshot: %s
                    partitions: remote
                """.formatted(config, base, snapshot));

        JobExecution execution = definedJobs.run(definitions.load(definition), "ml-engineer");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<StepExecution> partitions = partitions(execution);
        assertThat(partitions).extracting(StepExecution::getStepName).containsExactlyInAnyOrder(
                "train-candidate:candidate-0-r2-lr0.001", "train-candidate:candidate-1-r4-lr0.001");
        assertThat(partitions).allMatch(p -> p.getStatus() == BatchStatus.COMPLETED);
        assertThat(partitions).extracting(p -> p.getExecutionContext().getString("partition.worker"))
                .containsExactlyInAnyOrder("worker-a", "worker-b");
        // the workers have no GPU here: `devices: auto` resolved on each worker
        assertThat(partitions).extracting(p -> p.getExecutionContext().getString(CandidatePartitioner.DEVICE)).containsOnly("cpu");
        long instance = execution.getJobInstance().getInstanceId();
        assertCompleteAndUnduplicated(instance);
        uninterruptedAdapters = adapterHashes(instance);
        uninterruptedSelection = selection(instance);
    }

    @Test
    @Order(2)
    void aWorkerKilledMidCandidateFailsTheStepAndARestartEndsAsAnUninterruptedRunWould() throws Exception {
        CompletableFuture<JobExecution> run = CompletableFuture.supplyAsync(() -> {
            try {
                return train.train(snapshot, base, config);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        StepExecution inFlight = awaitCheckpointedPartition();
        String victim = inFlight.getExecutionContext().getString("partition.worker");
        WORKERS.stream().filter(w -> w.id().equals(victim)).findFirst().orElseThrow().kill();
        JobExecution failed = run.get(3, TimeUnit.MINUTES);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getJobParameters().getString(TrainJobConfiguration.PARTITIONS_PARAMETER))
                .as("tunebatch.partitioning.mode chose remote").isEqualTo("remote");
        assertThat(train.summarize(failed).exitMessage())
                .contains("train: 1 of 2 partitions stopped reporting for PT10S (tunebatch.partitioning.heartbeat-timeout)")
                .contains(inFlight.getStepName() + " (on worker " + victim)
                .contains("tunebatch jobs restart " + failed.getId());
        assertThat(partitions(failed)).filteredOn(p -> !p.getStepName().equals(inFlight.getStepName()))
                .singleElement().satisfies(p -> assertThat(p.getStatus()).isEqualTo(BatchStatus.COMPLETED));

        JobExecution restarted = jobs.restart(failed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitions(restarted)).singleElement().satisfies(p -> {
            assertThat(p.getStepName()).isEqualTo(inFlight.getStepName());
            assertThat(p.getExecutionContext().getString("partition.worker")).isNotEqualTo(victim);
        });
        long instance = restarted.getJobInstance().getInstanceId();
        String partition = inFlight.getStepName().substring("train-candidate:".length());
        PartitionResult resumed = TrainingWorker.JSON.readValue(SHARED.resolve("train").resolve(Long.toString(instance))
                .resolve(partition).resolve("result.json").toFile(), PartitionResult.class);
        assertThat(resumed.resumedFromStep()).as("the other worker resumed from the dead one's checkpoint").isPositive();
        assertCompleteAndUnduplicated(instance);
        assertThat(adapterHashes(instance)).isEqualTo(uninterruptedAdapters);
        assertThat(selection(instance)).isEqualTo(uninterruptedSelection);
    }

    /** Every candidate once, completed, with one adapter of its own and every step's metrics exactly once. */
    private void assertCompleteAndUnduplicated(long instance) throws IOException {
        Path workspace = SHARED.resolve("train").resolve(Long.toString(instance));
        List<TrainingRunRepository.RunView> runs = trainingRuns.runs(instance);
        assertThat(runs).extracting(TrainingRunRepository.RunView::partitionName).containsExactly(
                "candidate-0-r2-lr0.001", "candidate-1-r4-lr0.001");
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.status()).isEqualTo("COMPLETED");
            assertThat(run.steps()).isEqualTo(STEPS);
            Path adapter = Path.of(run.adapterPath());
            assertThat(adapter).startsWith(workspace.resolve(run.partitionName()));
            assertThat(run.adapterSha256()).isEqualTo(sha256(adapter.resolve("adapter_model.safetensors")));
        });
        try (Stream<Path> files = Files.walk(workspace)) {
            assertThat(files.filter(f -> f.getFileName().toString().equals("adapter_config.json"))
                    .map(f -> workspace.relativize(f).toString())).as("one adapter per candidate").containsExactlyInAnyOrder(
                    "candidate-0-r2-lr0.001/adapter/adapter_config.json", "candidate-1-r4-lr0.001/adapter/adapter_config.json");
        }
        String metrics = "FROM training_metric m JOIN training_run r ON r.id = m.training_run_id WHERE r.job_instance_id = ?";
        assertThat(jdbc.queryForObject("SELECT COUNT(*) " + metrics, Long.class, instance)).isEqualTo(2L * STEPS);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT m.training_run_id || ':' || m.step) " + metrics
                + " AND m.step BETWEEN 1 AND " + STEPS, Long.class, instance)).isEqualTo(2L * STEPS);
    }

    private Map<String, String> adapterHashes(long instance) {
        return jdbc.queryForList("SELECT partition_name, adapter_sha256 FROM training_run WHERE job_instance_id = ?", instance)
                .stream().collect(Collectors.toMap(row -> (String) row.get("partition_name"), row -> (String) row.get("adapter_sha256")));
    }

    private String selection(long instance) {
        return jdbc.queryForObject("SELECT r.partition_name || ' ' || s.adapter_sha256 FROM training_selection s "
                + "JOIN training_run r ON r.id = s.training_run_id WHERE s.job_instance_id = ?", String.class, instance);
    }

    /** The first candidate partition that a worker runs and that has saved a checkpoint. */
    private StepExecution awaitCheckpointedPartition() throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            for (Long id : jdbc.queryForList("SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE "
                    + "'train-candidate:%' AND STATUS = 'STARTED' ORDER BY STEP_EXECUTION_ID", Long.class)) {
                StepExecution partition = jobRepository.getStepExecution(id);
                if (partition.getExecutionContext().getInt(CandidateTrainingTasklet.CHECKPOINT_STEP, 0) > 0) {
                    return partition;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no candidate reached a checkpoint");
    }

    private List<StepExecution> partitions(JobExecution execution) {
        return jobRepository.getJobExecution(execution.getId()).getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith("train-candidate:")).toList();
    }

    private static String sha256(Path file) {
        try {
            return CandidateTrainingTasklet.sha256(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
