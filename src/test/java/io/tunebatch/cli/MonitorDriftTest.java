package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.tunebatch.evaluate.AdapterHash;
import io.tunebatch.evaluate.EvalSubject;
import io.tunebatch.evaluate.EvaluationService;
import io.tunebatch.ops.JobsService;
import io.tunebatch.prepare.PrepareService;
import io.tunebatch.prepare.PrepareSummary;
import io.tunebatch.registry.ModelRegistry;
import io.tunebatch.registry.RegistrationRequest;
import io.tunebatch.support.ApplicationTest;
import io.tunebatch.support.SupportAnswers;
import io.tunebatch.support.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code monitor} and {@code drift} through the real command tree, on real files, against a model
 * version trained (stand-in) on a real prepared snapshot of support questions. Run on H2 and
 * PostgreSQL by the subclasses.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "tunebatch.monitor.chunk-size=7",
        "tunebatch.registry.card-dir=${java.io.tmpdir}/tunebatch-test-data/model-cards",
        "tunebatch.evaluate.report-dir=${java.io.tmpdir}/tunebatch-test-data/eval-reports"})
abstract class MonitorDriftTest extends ApplicationTest {

    /** Words of the support questions the model was trained on. */
    static final List<String> BANKING = List.of("account", "card", "payment", "balance", "statement", "transfer", "fee", "limit",
            "branch", "loan", "rate", "online", "login", "reset", "deposit", "cheque", "savings", "interest", "overdraft", "refund");
    /** Words of a different business the model never saw. */
    static final List<String> LOGISTICS = List.of("shipment", "warehouse", "parcel", "courier", "tracking", "delivery", "pallet",
            "customs", "invoice", "carrier");
    static final String INSTRUCTION = "Answer the customer question.";
    static final String EMAIL = "lena.virtanen@mail.example";

    @Autowired
    ApplicationContext context;
    @Autowired
    PrepareService prepare;
    @Autowired
    EvaluationService evaluation;
    @Autowired
    ModelRegistry registry;
    @Autowired
    JobsService jobs;
    @Autowired
    MeterRegistry meters;

    @TempDir
    Path dir;

    PrepareSummary trained;

    /** 60 banking questions of 3 to 21 words, prepared into a snapshot; support:1 trained on it is in production. */
    @BeforeEach
    void modelInProduction() throws Exception {
        TestFiles.write(dir.resolve("train/questions.jsonl"), IntStream.range(0, 60)
                .mapToObj(i -> example(i, question(BANKING, i, 3 + (i % 10) * 2), "crm")).collect(Collectors.joining("\n")) + "\n");
        trained = prepare.summarize(prepare.prepare(dir.resolve("train").toString(), null));
        assertThat(trained.snapshotExamples()).isEqualTo(60);
        Path adapter = Files.createDirectories(dir.resolve("adapter"));
        Files.writeString(adapter.resolve("adapter_model.safetensors"), "weights");
        long evalRun = evaluation.evaluate(evaluation.loadSuite(SupportAnswers.SUITE),
                new EvalSubject("tiny + adapter", "tiny", AdapterHash.of(adapter), null), SupportAnswers.TUNED::get, "alice",
                null).evalRunId();
        registry.register(new RegistrationRequest("support", "tiny", adapter, trained.snapshotId(), null, "alice", evalRun,
                "{\"lora_r\": 8}", "alice"));
        registry.promote("support", 1, "bob", "passed review");
        registry.promote("support", 1, "carol", "release 1");
    }

    @Test
    void healthyLogPassesAndIsRecorded(CapturedOutput output) {
        Path log = TestFiles.write(dir.resolve("logs/2026-11-28.jsonl"), healthyLog(30) + logLine(2, INSTRUCTION, "Ask the branch.") + "\n");
        double scoredBefore = scoredLinesCounted();

        assertThat(Cli.run(context, "monitor", "--logs", log.toString(), "--model", "support")).as(output.getAll()).isZero();

        Map<String, Object> run = jdbc.queryForMap("SELECT * FROM auditor_monitor_run");
        assertThat(run).containsEntry("passed", true).containsEntry("suite_name", "support-answers")
                .containsEntry("snapshot_id", trained.snapshotId()).containsEntry("job_status", "COMPLETED");
        assertThat(((Number) run.get("lines_scored")).longValue()).isEqualTo(30);
        assertThat(((Number) run.get("other_version_lines")).longValue()).isEqualTo(1);
        assertThat(((Number) run.get("format_checked")).longValue()).isEqualTo(10);
        assertThat(((Number) run.get("prompt_length_psi")).doubleValue()).isLessThan(0.1);
        assertThat(((Number) run.get("prompt_token_psi")).doubleValue()).isLessThan(0.1);
        assertThat(run.get("task_name")).as("linked to its Cloud Task execution").isNotNull();
        assertThat(count("SELECT COUNT(*) FROM auditor_monitor_issue")).isZero();
        assertThat(output.getOut()).contains("monitor support:1", "PASSED", "lines read 31: scored 30, other versions 1, malformed 0");
        assertThat(scoredLinesCounted() - scoredBefore).isEqualTo(30);
    }

    @Test
    void leakedPiiBrokenFormatsAndShiftedPromptsCrossThresholds(CapturedOutput output) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String prompt = INSTRUCTION + "\n\n" + question(LOGISTICS, i, 30 + i % 5) + " Write to me at " + EMAIL;
            String answer = i >= 1 && i <= 4 ? "Your courier contact is " + EMAIL + ", write there about the parcel delivery today."
                    : "We have noted your question about the parcel and will reply soon.";
            lines.add(i % 5 == 0 ? logLine(1, prompt, "Sure, I created the ticket.", "ticket-json") : logLine(1, prompt, answer));
        }
        Path log = TestFiles.write(dir.resolve("logs/bad.jsonl"), String.join("\n", lines) + "\n");

        int exit = Cli.run(context, "monitor", "--logs", log.toString(), "--model", "support", "--version", "1", "--json");

        assertThat(exit).isEqualTo(MonitorCommand.THRESHOLDS_CROSSED);
        assertThat(output.getErr()).contains("error: monitoring support:1 crossed 5 threshold(s)",
                "safety_failure_rate 0.200 > 0.010 (4 of 20 outputs)",
                "format_failure_rate 1.000 > 0.050 (4 of 4 format-checked outputs)",
                "pii_leak_rate 0.200 > 0.000 (4 of 20 outputs; EMAIL_ADDRESS 4)",
                "prompt_length_psi", "prompt_token_psi");
        JsonNode report = JsonMapper.builder().build().readTree(output.getOut());
        assertThat(report.get("verdict").get("passed").booleanValue()).isFalse();
        assertThat(report.get("piiByEntityType").get("EMAIL_ADDRESS").longValue()).isEqualTo(4);
        assertThat(jdbc.queryForList("""
                SELECT issue || ' ' || COALESCE(case_name, entity_type) || ' line ' || line_number FROM auditor_monitor_issue
                WHERE line_number <= 2 ORDER BY line_number, issue, case_name""", String.class))
                .containsExactly("format_compliance ticket-json line 1", "pii_leakage EMAIL_ADDRESS line 2",
                        "safety no-credentials line 2");
        assertThat(jdbc.queryForObject("SELECT exit_code FROM auditor_job_history WHERE job_name = 'monitor'", String.class))
                .isEqualTo("THRESHOLDS_CROSSED");
        assertThat(meters.get("tunebatch.monitor.pii.leak.rate").tag("model", "support").tag("version", "1").gauge().value())
                .isEqualTo(0.2);
        assertNoLoggedTextStored(output, EMAIL, "courier contact", "shipment");
    }

    @Test
    void malformedLinesAreNamedByFileLineAndField(CapturedOutput output) {
        Path log = TestFiles.write(dir.resolve("logs/mixed.jsonl"), String.join("\n",
                logLine(1, INSTRUCTION + "\n\n" + question(BANKING, 1, 5), "We have noted your question and will reply soon."),
                "{\"timestamp\":\"2026-11-28T09:00:00Z\",\"model_version\":1,\"prompt\":\"Where is my card?\"}",
                "{\"timestamp\":\"yesterday\",\"model_version\":1,\"prompt\":\"x\",\"output\":\"y\"}",
                "{\"timestamp\":\"2026-11-28T09:00:00Z\",\"model_version\":1,\"prompt\":\"" + EMAIL + "\",\"output\": oops}") + "\n");

        assertThat(Cli.run(context, "monitor", "--logs", dir.resolve("logs").toString(), "--model", "support"))
                .isEqualTo(MonitorCommand.THRESHOLDS_CROSSED);

        String uri = log.toAbsolutePath().normalize().toUri().toString();
        assertThat(output.getErr()).contains("malformed_lines 3 > 0 (first: " + uri + ":2, field 'output': missing required field | "
                + uri + ":3, field 'timestamp': must be an ISO-8601 timestamp with offset");
        assertThat(output.getOut()).contains("malformed " + uri + ":4: malformed JSON at column");
        assertThat(jdbc.queryForList("SELECT line_number || ' ' || COALESCE(field, '-') FROM auditor_monitor_issue "
                + "WHERE issue = 'malformed_line' ORDER BY line_number", String.class))
                .containsExactly("2 output", "3 timestamp", "4 -");
        assertNoLoggedTextStored(output, EMAIL, "Where is my card");
    }

    @Test
    void aCrashedMonitoringRunRestartsFromItsLastChunk(CapturedOutput output) throws Exception {
        Path log = TestFiles.write(dir.resolve("logs/day.jsonl"), healthyLog(30));
        failures.arm("monitorWriter", 3);

        assertThat(Cli.run(context, "monitor", "--logs", log.toString(), "--model", "support")).isEqualTo(3);
        long failed = jdbc.queryForObject("SELECT MAX(job_execution_id) FROM auditor_job_history WHERE job_name = 'monitor'", Long.class);
        assertThat(count("SELECT COUNT(*) FROM monitor_line")).as("two chunks of 7 committed").isEqualTo(14);

        assertThat(jobs.restart(failed).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM monitor_line")).isEqualTo(30);
        assertThat(count("SELECT COUNT(DISTINCT line_number) FROM monitor_line")).isEqualTo(30);
        assertThat(jdbc.queryForMap("SELECT lines_read, lines_scored, passed FROM monitor_run"))
                .containsEntry("passed", true).satisfies(run -> assertThat(((Number) run.get("lines_scored")).longValue()).isEqualTo(30));
    }

    @Test
    void driftReportFlagsShiftedDataButNotSameDistribution(CapturedOutput output) {
        TestFiles.write(dir.resolve("fresh-same/q.jsonl"), IntStream.range(100, 160)
                .mapToObj(i -> example(i, question(BANKING, i, 3 + (i % 10) * 2), "crm")).collect(Collectors.joining("\n")) + "\n");
        TestFiles.write(dir.resolve("fresh-shifted/q.jsonl"), IntStream.range(0, 60)
                .mapToObj(i -> example(i, question(LOGISTICS, i, 25 + i % 7 * 4), "email")).collect(Collectors.joining("\n"))
                + "\n{\"source_system\":\"email\",\"source_document_id\":\"x\",\"instruction\":\"Answer.\"}\n");

        assertThat(Cli.run(context, "drift", "--snapshot", trained.snapshotId(), "--source", dir.resolve("fresh-same").toString()))
                .as(output.getAll()).isZero();
        assertThat(Cli.run(context, "drift", "--snapshot", trained.snapshotId(), "--source",
                dir.resolve("fresh-shifted").toString(), "--json")).isZero();

        assertThat(output.getOut()).contains("recommendation: none");
        Map<String, String> same = levels("fresh-same");
        Map<String, String> shifted = levels("fresh-shifted");
        assertThat(same).containsOnlyKeys("instruction_length", "input_length", "output_length", "prompt_tokens", "output_tokens",
                "source_system", "pii_rate").allSatisfy((feature, level) -> assertThat(level).as(feature).isEqualTo("stable"));
        assertThat(shifted).containsEntry("input_length", "significant").containsEntry("prompt_tokens", "significant")
                .containsEntry("source_system", "significant").containsEntry("instruction_length", "stable");
        assertThat(jdbc.queryForList("SELECT DISTINCT recommendation || ' ' || rejected_records FROM auditor_drift_report "
                + "WHERE source LIKE '%fresh-shifted'", String.class)).containsExactly("retrain 1");
        assertThat(output.getOut()).contains("\"recommendation\" : \"retrain\"", "q.jsonl:61: field 'output': missing required field");
        assertThat(jdbc.queryForList("SELECT task_name FROM auditor_job_history WHERE job_name = 'drift'", String.class))
                .hasSize(2).doesNotContainNull();
    }

    @Test
    void unknownModelOrVersionIsAUserError(CapturedOutput output) {
        Path log = TestFiles.write(dir.resolve("logs/a.jsonl"), healthyLog(1));
        assertThat(Cli.run(context, "monitor", "--logs", log.toString(), "--model", "support", "--version", "9")).isEqualTo(2);
        assertThat(Cli.run(context, "drift", "--snapshot", "ds_404", "--source", log.toString())).isEqualTo(2);
        assertThat(output.getErr()).contains("error: model support has no version 9", "error: no snapshot ds_404");
        assertThat(count("SELECT COUNT(*) FROM auditor_job_history WHERE job_name IN ('monitor', 'drift')")).isZero();
    }

    private double scoredLinesCounted() {
        var counter = meters.find("tunebatch.monitor.lines.scored").tag("job", "monitor").counter();
        return counter == null ? 0 : counter.count();
    }

    private Map<String, String> levels(String source) {
        return jdbc.queryForList("SELECT feature, level FROM auditor_drift_report WHERE source LIKE ?", "%" + source)
                .stream().collect(Collectors.toMap(r -> (String) r.get("feature"), r -> (String) r.get("level")));
    }

    /** No table of the schema, nor what the command printed, holds text that was only in the logs. */
    private void assertNoLoggedTextStored(CapturedOutput output, String... texts) {
        assertThat(output.getAll()).doesNotContain(texts);
        for (String table : List.of("monitor_line", "monitor_finding", "monitor_log_error", "monitor_run", "monitor_token_bin",
                "BATCH_JOB_EXECUTION_PARAMS", "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
                "BATCH_JOB_EXECUTION", "TASK_EXECUTION")) {
            assertThat(jdbc.queryForList("SELECT * FROM " + table)).as(table)
                    .allSatisfy(row -> assertThat(row.values().toString()).doesNotContain(texts));
        }
    }

    /** {@code n} production lines like the training questions; every third asks for a ticket format. */
    static String healthyLog(int n) {
        return IntStream.range(0, n).mapToObj(i -> {
            String prompt = INSTRUCTION + "\n\n" + question(BANKING, 200 + i, 3 + (i % 10) * 2);
            return switch (i % 3) {
                case 0 -> logLine(1, prompt, i % 2 == 0 ? "{\"title\": \"Card blocked\", \"priority\": \"high\"}" : "TCK-004211",
                        i % 2 == 0 ? "ticket-json" : "ticket-id");
                default -> logLine(1, prompt, "We have noted your question about the " + BANKING.get(i % 20) + " and will reply soon.");
            };
        }).collect(Collectors.joining("\n")) + "\n";
    }

    /** A question of {@code length} words drawn from {@code words}, different for every {@code i}. */
    static String question(List<String> words, int i, int length) {
        int start = i * 7 + i / words.size();
        return IntStream.range(0, length).mapToObj(k -> words.get((start + k) % words.size())).collect(Collectors.joining(" "));
    }

    static String example(int i, String input, String sourceSystem) {
        return "{\"source_system\":\"" + sourceSystem + "\",\"source_document_id\":\"Q-" + i + "\",\"instruction\":\"" + INSTRUCTION
                + "\",\"input\":\"" + input + "\",\"output\":\"We have noted your question about the " + input.split(" ")[0]
                + " and will reply within two business days.\"}";
    }

    static String logLine(int version, String prompt, String output, String... formatCase) {
        return "{\"timestamp\":\"2026-11-28T10:15:30Z\",\"model_version\":" + version + ",\"prompt\":" + quote(prompt)
                + ",\"output\":" + quote(output) + (formatCase.length == 0 ? "" : ",\"case\":\"" + formatCase[0] + "\"") + "}";
    }

    private static String quote(String text) {
        return JsonMapper.builder().build().writeValueAsString(text);
    }
}
