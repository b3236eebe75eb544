package io.tunebatch.cli;

import static io.tunebatch.cli.MonitorDriftTest.BANKING;
import static io.tunebatch.cli.MonitorDriftTest.LOGISTICS;
import static io.tunebatch.cli.MonitorDriftTest.example;
import static io.tunebatch.cli.MonitorDriftTest.question;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.ops.JobsService;
import io.tunebatch.prepare.PrepareService;
import io.tunebatch.prepare.PrepareSummary;
import io.tunebatch.support.ApplicationTest;
import io.tunebatch.support.TestFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code drift --reference}: raw source data against the population a snapshot was drawn from
 * (the default) and against the snapshot itself. The prepared source holds planted e-mail
 * addresses, so under the default {@code flagged} review policy its flagged examples wait for
 * review and stay out of the snapshot. Run on H2 and PostgreSQL by the subclasses.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class DriftReferenceTest extends ApplicationTest {

    /** Examples of the prepared source; every fourth carries an e-mail address. */
    static final int EXAMPLES = 80;
    static final int WITH_PII = EXAMPLES / 4;

    @Autowired
    ApplicationContext context;
    @Autowired
    PrepareService prepare;
    @Autowired
    JobsService jobs;

    @TempDir
    Path dir;

    @BeforeEach
    void writeSources() {
        TestFiles.write(dir.resolve("train/questions.jsonl"), lines(IntStream.range(0, EXAMPLES).mapToObj(i ->
                example(i, question(BANKING, i, 3 + (i % 10) * 2) + (i % 4 == 0 ? " Write to me at " + email(i) : ""), "crm"))));
        TestFiles.write(dir.resolve("shifted/questions.jsonl"), lines(IntStream.range(0, 60).mapToObj(i ->
                example(i, question(LOGISTICS, i, 25 + i % 7 * 4) + (i % 3 != 0 ? " Write to me at " + email(i) : ""), "email"))));
    }

    @Test
    void theFilesASnapshotWasMadeFromDoNotDriftFromItsPopulation(CapturedOutput output) throws Exception {
        PrepareSummary prepared = prepare.summarize(prepare.prepare(dir.resolve("train").toString(), null));
        assertThat(prepared.snapshotExamples()).as("flagged examples wait for review").isEqualTo(EXAMPLES - WITH_PII);

        assertThat(Cli.run(context, "drift", "--snapshot", prepared.snapshotId(), "--source", train())).as(output.getAll()).isZero();
        assertThat(Cli.run(context, "drift", "--snapshot", prepared.snapshotId(), "--source", train(), "--reference", "snapshot"))
                .isZero();

        assertThat(output.getOut()).contains("population of snapshot " + prepared.snapshotId() + " (" + EXAMPLES + " examples) vs ",
                "recommendation: none (fresh data looks like the population)",
                ": snapshot " + prepared.snapshotId() + " (" + (EXAMPLES - WITH_PII) + " examples) vs ",
                "recommendation: retrain");
        Map<String, Object> population = report("population");
        assertThat(((Number) population.get("reference_examples")).longValue()).isEqualTo(EXAMPLES);
        assertThat(population).containsEntry("recommendation", "none");
        assertThat(psi("population", "pii_rate")).isLessThan(0.1);
        // the fresh addresses are measured as their stored placeholders, else prompt_tokens would shift
        assertThat(psi("population", "prompt_tokens")).isLessThan(0.01);
        assertThat(levels("population")).hasSize(7).allSatisfy((feature, level) -> assertThat(level).as(feature).isEqualTo("stable"));
        assertThat(report("snapshot")).containsEntry("recommendation", "retrain");
        assertThat(levels("snapshot")).containsEntry("pii_rate", "significant");
        assertThat(output.getAll()).as("no PII in what drift prints").doesNotContain("@mail.example");
    }

    @Test
    void aShiftedSourceStillDriftsFromThePopulation(CapturedOutput output) throws Exception {
        PrepareSummary prepared = prepare.summarize(prepare.prepare(dir.resolve("train").toString(), null));

        assertThat(Cli.run(context, "drift", "--snapshot", prepared.snapshotId(), "--source", dir.resolve("shifted").toString(),
                "--json")).as(output.getAll()).isZero();

        JsonNode report = JsonMapper.builder().build().readTree(output.getOut());
        assertThat(report.get("reference").stringValue()).isEqualTo("population");
        assertThat(report.get("recommendation").stringValue()).isEqualTo("retrain");
        assertThat(levels("population")).containsEntry("pii_rate", "significant").containsEntry("source_system", "significant")
                .containsEntry("input_length", "significant").containsEntry("prompt_tokens", "significant")
                .containsEntry("instruction_length", "stable");
    }

    @Test
    void thePopulationSpansARestartedRunAndExamplesAnEarlierRunIngested(CapturedOutput output) throws Exception {
        failures.arm("validationWriter", 3);
        JobExecution failed = prepare.prepare(dir.resolve("train").toString(), null);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        JobExecution restarted = jobs.restart(failed.getId());
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT COUNT(DISTINCT job_execution_id) FROM validation_result")).as("validated by both executions")
                .isEqualTo(2);
        // a second run over the same files ingests nothing new, yet its snapshot is drawn from the same examples
        PrepareSummary again = prepare.summarize(prepare.prepare(dir.resolve("train").toString(), null));
        assertThat(again.snapshotExamples()).isEqualTo(EXAMPLES - WITH_PII);

        for (String snapshot : List.of(prepare.summarize(restarted).snapshotId(), again.snapshotId())) {
            assertThat(Cli.run(context, "drift", "--snapshot", snapshot, "--source", train())).as(output.getAll()).isZero();
        }

        assertThat(jdbc.queryForList("SELECT DISTINCT snapshot_id || ' ' || reference_examples || ' ' || recommendation "
                + "FROM auditor_drift_report ORDER BY 1", String.class))
                .containsExactly("ds_1 " + EXAMPLES + " none", "ds_2 " + EXAMPLES + " none");
    }

    @Test
    void anUnknownReferenceIsAUserError(CapturedOutput output) throws Exception {
        PrepareSummary prepared = prepare.summarize(prepare.prepare(dir.resolve("train").toString(), null));

        assertThat(Cli.run(context, "drift", "--snapshot", prepared.snapshotId(), "--source", train(), "--reference", "raw"))
                .isEqualTo(2);

        assertThat(output.getErr()).contains("unknown drift reference 'raw'; use --reference population or --reference snapshot");
        assertThat(count("SELECT COUNT(*) FROM drift_report")).isZero();
    }

    private String train() {
        return dir.resolve("train").toString();
    }

    private Map<String, Object> report(String reference) {
        return jdbc.queryForMap("SELECT reference_examples, recommendation FROM drift_report WHERE reference = ?", reference);
    }

    private double psi(String reference, String feature) {
        return jdbc.queryForObject("SELECT psi FROM auditor_drift_report WHERE reference = ? AND feature = ?", Double.class,
                reference, feature);
    }

    private Map<String, String> levels(String reference) {
        return jdbc.queryForList("SELECT feature, level FROM auditor_drift_report WHERE reference = ?", reference).stream()
                .collect(Collectors.toMap(r -> (String) r.get("feature"), r -> (String) r.get("level")));
    }

    private static String email(int i) {
        return "customer" + i + ".virtanen@mail.example";
    }

    private static String lines(Stream<String> lines) {
        return lines.collect(Collectors.joining("\n")) + "\n";
    }
}
