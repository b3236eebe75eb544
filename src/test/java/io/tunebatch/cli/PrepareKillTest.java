package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.TuneBatchApplication;
import io.tunebatch.samples.GeneratorOptions;
import io.tunebatch.samples.SampleFormat;
import io.tunebatch.samples.SampleGenerator;
import io.tunebatch.support.ApplicationTest;
import io.tunebatch.support.Databases;
import io.tunebatch.train.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real {@code kill -9} of a {@code prepare} process on PostgreSQL: the prepare command runs in a
 * child JVM of this classpath, is killed with SIGKILL once a step (ingest, or pii-scan) has
 * committed chunks, and {@code jobs restart} in this application recovers the execution it left
 * STARTED and completes it. Everything prepare produces then equals what an uninterrupted run on
 * the same input produced: the same examples, lineage, findings, rejections, validation and
 * snapshot, nothing twice. Surrogate ids (sequences) and the execution ids stamped on rows are
 * left out of the comparison: a killed transaction still uses sequence values, and rows written
 * before the kill name the first execution.
 */
class PrepareKillTest extends ApplicationTest {

    static final String DATABASE_URL = Databases.newPostgresUrl("prepare_kill");
    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final int RECORDS = 600;
    static final int CHUNK = 20;

    /** Each table prepare writes, as rows of its natural columns, sorted: duplicates show up as extra rows. */
    static final Map<String, String> TABLES = tables();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        for (String chunkSize : List.of("ingest", "pii", "validation", "snapshot")) {
            registry.add("tunebatch." + chunkSize + ".chunk-size", () -> CHUNK);
        }
        registry.add("tunebatch.ingest.skip-limit", () -> 100);
    }

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void aPrepareKilledWithSigkillMidStepIsRecoveredByJobsRestartToTheTablesOfAnUninterruptedRun() throws Exception {
        Path sources = dir.resolve("sources");
        new SampleGenerator().generate(new GeneratorOptions(sources, RECORDS, 7, SampleFormat.JSONL, true, 4_096, false));

        assertThat(Cli.run(context, "prepare", "--source", sources.toString())).isZero();
        Map<String, List<String>> uninterrupted = contents();
        assertThat(uninterrupted.get("rejected_record")).as("the input has malformed lines").isNotEmpty();
        assertThat(uninterrupted.get("pii_detection")).as("the input has planted PII").isNotEmpty();
        resetSchema();

        Process prepare = startPrepare(sources);
        String killedIn;
        try {
            killedIn = awaitCommittedChunkOfIngestOrPiiScan(prepare);
        } finally {
            prepare.destroyForcibly().waitFor();
        }
        long killed = count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class, killed))
                .as("a killed process leaves its execution STARTED").isEqualTo("STARTED");
        assertThat(count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'snapshot'"))
                .as("killed in %s, before the end", killedIn).isZero();

        assertThat(Cli.run(context, "jobs", "restart", String.valueOf(killed))).isZero();

        assertThat(jdbc.queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID", String.class))
                .containsExactly("FAILED", "COMPLETED");
        long restarted = count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        assertThat(jdbc.queryForObject("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                + "ORDER BY STEP_EXECUTION_ID FETCH FIRST 1 ROWS ONLY", String.class, restarted))
                .as("the restart resumes the step the kill interrupted").isEqualTo(killedIn);
        Map<String, List<String>> recovered = contents();
        for (String table : TABLES.keySet()) {
            assertThat(recovered.get(table)).as(table).doesNotHaveDuplicates().isNotEmpty()
                    .containsExactlyElementsOf(uninterrupted.get(table));
        }
    }

    /** {@code prepare} in a child JVM of this classpath on this test's database, its output in a file. */
    private Process startPrepare(Path sources) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("prepare", "--source", sources.toString(),
                "--spring.datasource.url=" + DATABASE_URL, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--tunebatch.pii.encryption-key=" + KEY,
                "--tunebatch.data-dir=" + context.getEnvironment().getProperty("tunebatch.data-dir"),
                "--tunebatch.ingest.skip-limit=100"));
        for (String chunkSize : List.of("ingest", "pii", "validation", "snapshot")) {
            arguments.add("--tunebatch." + chunkSize + ".chunk-size=" + CHUNK);
        }
        ProcessBuilder process = new ProcessBuilder(ChildJvm.command(TuneBatchApplication.class, "512m", arguments))
                .redirectErrorStream(true).redirectOutput(dir.resolve("prepare.log").toFile());
        // a short-lived JVM: quick start-up matters more than peak speed
        process.environment().put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        return process.start();
    }

    /** The name of the step (ingest or pii-scan) that has committed a chunk and is still running. */
    private String awaitCommittedChunkOfIngestOrPiiScan(Process prepare) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline) && prepare.isAlive()) {
            List<String> running = jdbc.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STATUS = 'STARTED' "
                    + "AND COMMIT_COUNT >= 1 AND STEP_NAME IN ('ingest', 'pii-scan')", String.class);
            if (!running.isEmpty()) {
                return running.get(0);
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("prepare did not get under way (alive: " + prepare.isAlive() + "):\n"
                + Files.readString(dir.resolve("prepare.log")));
    }

    private Map<String, List<String>> contents() {
        Map<String, List<String>> contents = new LinkedHashMap<>();
        TABLES.forEach((table, columns) -> contents.put(table, jdbc.queryForList(
                "SELECT CONCAT_WS(' |', " + columns + ") FROM " + table + " ORDER BY 1", String.class)));
        return contents;
    }

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("training_example", "id, content_hash, normalized_hash, instruction, input_text, output_text, annotator_id, "
                + "review_status, pii_scan_result");
        tables.put("example_source", "example_id, source_system, source_document_id, source_uri, record_number, line_number");
        tables.put("rejected_record", "source_uri, record_number, line_number, field, reason");
        tables.put("pii_detection", "example_id, field, entity_type, start_offset, end_offset, score, recognizer");
        tables.put("pii_original", "example_id, field");
        tables.put("validation_result", "example_id, valid");
        tables.put("validation_issue", "example_id, rule, detail");
        tables.put("dataset_snapshot", "id, fingerprint, example_count, source_count, job_instance_id");
        tables.put("snapshot_example", "snapshot_id, example_id, content_hash");
        return tables;
    }
}
