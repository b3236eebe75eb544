package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.prepare.PrepareService;
import io.tunebatch.support.ApplicationTest;
import io.tunebatch.support.Databases;
import io.tunebatch.support.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code jobs show|stop|abandon|restart} through the real command tree on PostgreSQL, and how they are recorded. */
@ExtendWith(OutputCaptureExtension.class)
class JobsCommandTest extends ApplicationTest {

    static final String DATABASE_URL = Databases.newPostgresUrl("jobs_command");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    PrepareService prepare;
    @Value("${tunebatch.pii.encryption-key}")
    String key;

    @TempDir
    Path dir;

    @Test
    void showAbandonAndRestartAFailedExecutionAndRecordEachChange(CapturedOutput output) throws Exception {
        writeSource(dir.resolve("a.jsonl"), 12);
        failures.arm("validationWriter", 1);
        JobExecution failed = prepare.prepare(dir.resolve("a.jsonl").toString(), "crm");
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        String id = String.valueOf(failed.getId());

        assertThat(Cli.run(context, "jobs", "show", id, "--json")).isZero();
        assertThat(output.getOut()).contains("\"status\" : \"FAILED\"").contains("\"stepName\" : \"validate\"")
                .contains("\"exitMessage\" : \"org.springframework.batch.core.step.FatalStepExecutionException")
                .contains("\"source\" : \"" + dir.resolve("a.jsonl"));

        assertThat(Cli.run(context, "jobs", "restart", id, "--json")).isZero();
        long restartedId = count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        assertThat(status(restartedId)).isEqualTo("COMPLETED");
        assertThat(Cli.run(context, "jobs", "restart", id)).as("restarted already").isEqualTo(2);
        assertThat(output.getErr()).contains("job execution " + id + " was restarted already, as job execution " + restartedId
                + " (COMPLETED)");

        failures.arm("validationWriter", 1);
        long second = prepare.prepare(dir.resolve("a.jsonl").toString(), "crm").getId();
        assertThat(Cli.run(context, "jobs", "abandon", String.valueOf(second))).isZero();
        assertThat(status(second)).isEqualTo("ABANDONED");
        assertThat(Cli.run(context, "jobs", "restart", String.valueOf(second))).isEqualTo(2);
        assertThat(output.getErr()).contains("job execution " + second + " is ABANDONED and cannot be restarted");
        assertThat(Cli.run(context, "jobs", "show", "999999")).isEqualTo(2);

        assertThat(jdbc.queryForList("SELECT action || ' ' || subject_id FROM audit_event WHERE subject_type = 'job_execution' "
                + "ORDER BY id", String.class)).containsExactly(
                "job_restart_requested " + id, "job_restarted " + id, "job_abandoned " + second);
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'job_restarted'", String.class))
                .contains("\"restart_job_execution_id\":" + restartedId).contains("\"job_name\":\"prepare\"");
    }

    @Test
    void stopAsksARunningExecutionToStopAtTheNextChunk(CapturedOutput output) throws Exception {
        writeSource(dir.resolve("big.jsonl"), 3000);
        CompletableFuture<JobExecution> run = CompletableFuture.supplyAsync(() -> {
            try {
                return prepare.prepare(dir.resolve("big.jsonl").toString(), "crm");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long id = awaitRunning();

        assertThat(Cli.run(context, "jobs", "stop", String.valueOf(id))).isZero();
        JobExecution stopped = run.get(2, TimeUnit.MINUTES);

        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(Cli.run(context, "jobs", "stop", String.valueOf(id))).isEqualTo(2);
        assertThat(output.getErr()).contains("job execution " + id + " is not running");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'job_stop_requested' AND subject_id = ?",
                String.valueOf(id))).isEqualTo(1);
        // STOPPED, not UNKNOWN: the stopped execution resumes where it stopped
        assertThat(Cli.run(context, "jobs", "restart", String.valueOf(id))).isZero();
        assertThat(count("SELECT COUNT(*) FROM training_example")).isEqualTo(3000);
        assertThat(count("SELECT COUNT(*) FROM example_source")).isEqualTo(3000);
    }

    @Test
    void eachCommandIsATaskExecutionWithItsArguments() throws Exception {
        writeSource(dir.resolve("a.jsonl"), 3);
        long id = prepare.prepare(dir.resolve("a.jsonl").toString(), "crm").getId();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-Dspring.datasource.url=" + DATABASE_URL, "-Dspring.datasource.username=postgres", "-Dspring.datasource.password=",
                "-Dtunebatch.pii.encryption-key=" + key,
                "-Dlogging.structured.format.console=ecs",
                io.tunebatch.TuneBatchApplication.class.getName(), "jobs", "show", String.valueOf(id), "--json"));
        Path out = Files.createTempFile(dir, "cli", ".out");
        Path err = Files.createTempFile(dir, "cli", ".err");
        Process cli = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(cli.waitFor(3, TimeUnit.MINUTES)).isTrue();
        } finally {
            cli.destroyForcibly();
        }

        assertThat(cli.exitValue()).as(Files.readString(err)).isZero();
        // stdout: the command's JSON; stderr: the logs, one ECS JSON object per line
        assertThat(Files.readString(out)).startsWith("{").contains("\"jobExecutionId\" : " + id);
        List<String> logLines = Files.readAllLines(err).stream().filter(line -> !line.isBlank()).toList();
        assertThat(logLines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"@timestamp\"").contains("\"log\":{\"level\":"));
        assertThat(logLines).anySatisfy(line -> assertThat(line).contains("Started TuneBatchApplication"));
        Map<String, Object> task = jdbc.queryForMap("SELECT TASK_EXECUTION_ID, EXIT_CODE FROM TASK_EXECUTION "
                + "WHERE TASK_NAME = 'tunebatch-jobs'");
        assertThat(((Number) task.get("EXIT_CODE")).intValue()).isZero();
        assertThat(jdbc.queryForList("SELECT TASK_PARAM FROM TASK_EXECUTION_PARAMS WHERE TASK_EXECUTION_ID = ?", String.class,
                task.get("TASK_EXECUTION_ID"))).containsExactlyInAnyOrder("jobs", "show", String.valueOf(id), "--json");
    }

    private long awaitRunning() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            List<Long> running = jdbc.queryForList("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e JOIN BATCH_STEP_EXECUTION s "
                    + "ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE e.STATUS = 'STARTED' AND s.STEP_NAME = 'ingest' "
                    + "AND s.COMMIT_COUNT > 0", Long.class);
            if (!running.isEmpty()) {
                return running.get(0);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the job did not start");
    }

    private String status(long executionId) {
        return jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class, executionId);
    }

    private static void writeSource(Path file, int records) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < records; i++) {
            lines.append("{\"source_document_id\":\"D-").append(i).append("\",\"instruction\":\"Answer question ").append(i)
                    .append(".\",\"output\":\"The answer to question ").append(i)
                    .append(" is in the handbook, chapter two, which every agent has.\"}\n");
        }
        TestFiles.write(file, lines.toString());
    }
}
