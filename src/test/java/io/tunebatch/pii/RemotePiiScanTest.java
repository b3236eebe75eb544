package io.tunebatch.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.lineage.ExampleContent;
import io.tunebatch.ops.JobsService;
import io.tunebatch.prepare.PrepareService;
import io.tunebatch.support.Databases;
import io.tunebatch.support.TestFiles;
import io.tunebatch.support.WorkerJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * The pii-scan step partitioned over two worker JVMs on embedded PostgreSQL: partitions spread
 * over both; a worker killed mid-partition fails the step within the timeout, and a restart ends
 * with every example scanned exactly once and the findings of an uninterrupted scan, no more.
 */
@SpringBootTest(properties = {
        "tunebatch.cli.enabled=false",
        "tunebatch.partitioning.mode=remote",
        "tunebatch.partitioning.grid-size=2",
        "tunebatch.partitioning.timeout=20s",
        "tunebatch.partitioning.poll-interval=250ms",
        "tunebatch.pii.encryption-key=" + RemotePiiScanTest.KEY,
        "tunebatch.data-dir=${java.io.tmpdir}/tunebatch-test-data"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemotePiiScanTest {

    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String DATABASE_URL = Databases.newPostgresUrl("remote_pii");
    static final List<WorkerJvm> WORKERS = new ArrayList<>();

    @Autowired
    PrepareService prepare;
    @Autowired
    JobsService jobs;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PiiDetector detector;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @BeforeAll
    static void startTwoWorkers() throws Exception {
        Map<String, String> properties = Map.of("tunebatch.pii.encryption-key", KEY, "tunebatch.pii.chunk-size", "2",
                "tunebatch.partitioning.worker-poll-interval", "200ms");
        WORKERS.addAll(WorkerJvm.startTwo(DATABASE_URL, properties));
    }

    @AfterAll
    static void killWorkers() throws InterruptedException {
        WorkerJvm.killAll(WORKERS);
    }

    @Test
    @Order(1)
    void partitionsSpreadOverBothWorkers() throws Exception {
        List<ExampleContent> examples = writeSource("spread", 120);

        JobExecution execution = prepare.prepare(source("spread").toString(), "crm");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<StepExecution> partitions = partitions(execution);
        assertThat(partitions).hasSize(2).allMatch(p -> p.getStatus() == BatchStatus.COMPLETED);
        assertThat(partitions).extracting(p -> p.getExecutionContext().getString("partition.worker"))
                .containsExactlyInAnyOrder("worker-a", "worker-b");
        assertScannedExactlyOnceWithUninterruptedFindings(examples);
        assertThat(prepare.summarize(execution).scanned()).as("the manager adds up its partitions").isEqualTo(120);

        // each worker is a long-running process with the Kubernetes probes and its own scan counters
        long scannedOnWorkers = 0;
        for (WorkerJvm worker : WORKERS) {
            assertThat(worker.isAlive()).isTrue();
            assertThat(get(worker, "/actuator/health/liveness")).contains("\"status\":\"UP\"");
            assertThat(get(worker, "/actuator/health/readiness")).contains("\"status\":\"UP\"");
            java.util.regex.Matcher scanned = java.util.regex.Pattern.compile(
                    "tunebatch_pii_scanned_total\\{[^}]*step=\"pii-scan\"[^}]*} (\\d+)").matcher(get(worker, "/actuator/prometheus"));
            assertThat(scanned.find()).isTrue();
            scannedOnWorkers += Long.parseLong(scanned.group(1));
        }
        assertThat(scannedOnWorkers).isEqualTo(120);
    }

    private static String get(WorkerJvm worker, String path) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + worker.port() + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " on " + worker.id()).isEqualTo(200);
        return response.body();
    }

    @Test
    @Order(2)
    void aWorkerKilledMidPartitionFailsTheStepInTimeAndARestartLosesAndDuplicatesNothing() throws Exception {
        List<ExampleContent> examples = writeSource("kill", 300);
        CompletableFuture<JobExecution> run = CompletableFuture.supplyAsync(() -> {
            try {
                return prepare.prepare(source("kill").toString(), "crm");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        StepExecution inFlight = awaitPartitionWithCommittedChunks();
        String victim = inFlight.getExecutionContext().getString("partition.worker");
        WorkerJvm killed = WORKERS.stream().filter(w -> w.id().equals(victim)).findFirst().orElseThrow();
        killed.kill();
        JobExecution failed = run.get(2, TimeUnit.MINUTES);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getExitStatus().getExitDescription())
                .contains("pii-scan: 1 of 2 partitions did not finish within PT20S")
                .contains(inFlight.getStepName() + " (on worker " + victim)
                .contains("tunebatch jobs restart " + failed.getId());
        assertThat(count("SELECT COUNT(*) FROM training_example WHERE pii_scan_result IS NULL"))
                .as("the dead worker's partition is unfinished").isPositive();

        JobExecution restarted = jobs.restart(failed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitions(restarted)).singleElement().satisfies(p -> {
            assertThat(p.getStepName()).isEqualTo(inFlight.getStepName());
            assertThat(p.getExecutionContext().getString("partition.worker")).isNotEqualTo(victim);
        });
        assertScannedExactlyOnceWithUninterruptedFindings(examples);
    }

    /** What an uninterrupted scan finds: the engine's spans on each original field, once each. */
    private void assertScannedExactlyOnceWithUninterruptedFindings(List<ExampleContent> examples) {
        Set<String> ids = new HashSet<>();
        Set<String> expected = new HashSet<>();
        for (ExampleContent example : examples) {
            ids.add(example.exampleId());
            ExampleText.of(example.exampleId(), example.instruction(), example.input(), example.output()).fields()
                    .forEach((field, text) -> detector.detect(text).forEach(span -> expected.add(example.exampleId() + " "
                            + field + " " + span.entityType() + " " + span.start() + "-" + span.end())));
        }
        String in = "('" + String.join("','", ids) + "')";
        assertThat(count("SELECT COUNT(*) FROM training_example WHERE pii_scan_result IS NOT NULL AND id IN " + in))
                .isEqualTo(examples.size());
        List<String> found = jdbc.queryForList("SELECT example_id || ' ' || field || ' ' || entity_type || ' ' || start_offset"
                + " || '-' || end_offset FROM pii_detection WHERE example_id IN " + in, String.class);
        assertThat(expected).isNotEmpty();
        assertThat(found).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(count("SELECT COUNT(*) FROM pii_original WHERE example_id IN " + in))
                .isEqualTo(count("SELECT COUNT(DISTINCT example_id || field) FROM pii_detection WHERE example_id IN " + in));
    }

    private StepExecution awaitPartitionWithCommittedChunks() throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            Long id = jdbc.query("SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'pii-scan-worker:%' "
                    + "AND STATUS = 'STARTED' AND WRITE_COUNT >= 4 ORDER BY STEP_EXECUTION_ID DESC LIMIT 1", rs -> rs.next() ? rs.getLong(1) : null);
            if (id != null) {
                return jobRepository.getStepExecution(id);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no partition got under way");
    }

    private List<StepExecution> partitions(JobExecution execution) {
        return jobRepository.getJobExecution(execution.getId()).getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith("pii-scan-worker:")).toList();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static Path source(String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), "tunebatch-remote-pii", name + ".jsonl");
    }

    /** Examples with contact details in a few words, different per file. */
    private static List<ExampleContent> writeSource(String name, int count) throws Exception {
        List<ExampleContent> examples = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            ExampleContent example = new ExampleContent("Reply to ticket " + name + "-" + i + ".",
                    "Please email " + name + ".customer" + i + "@mail.example or call +1 415 555 " + String.format("%04d", i)
                            + " about order " + i + ".",
                    "We will contact you about order " + i + " within one business day, as agreed with the team.");
            examples.add(example);
            lines.append("{\"source_document_id\":\"").append(name).append('-').append(i).append("\",\"instruction\":\"")
                    .append(example.instruction()).append("\",\"input\":\"").append(example.input()).append("\",\"output\":\"")
                    .append(example.output()).append("\"}\n");
        }
        Files.deleteIfExists(source(name));
        TestFiles.write(source(name), lines.toString());
        return examples;
    }
}
