package io.tunebatch.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunebatch.cli.TopLevelCommand;
import io.tunebatch.cli.UserError;
import io.tunebatch.evaluate.EvalSubject;
import io.tunebatch.evaluate.EvaluationService;
import io.tunebatch.ops.JobsService;
import io.tunebatch.prepare.PrepareService;
import io.tunebatch.prepare.PrepareSummary;
import io.tunebatch.evaluate.AdapterHash;
import io.tunebatch.registry.ModelRegistry;
import io.tunebatch.registry.ModelVersion;
import io.tunebatch.registry.RegistrationRequest;
import io.tunebatch.review.ReviewService;
import io.tunebatch.support.ApplicationTest;
import io.tunebatch.support.SupportAnswers;
import io.tunebatch.support.TestFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor's questions, each answered by one query on one auditor view, over data made by the
 * real prepare job, a real (stand-in) training job, the real evaluation service and registry; and
 * GDPR erasure end to end. Run on H2 and PostgreSQL by the subclasses.
 */
@Import(TrainingStandIn.class)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "tunebatch.registry.card-dir=${java.io.tmpdir}/tunebatch-test-data/model-cards",
        "tunebatch.evaluate.report-dir=${java.io.tmpdir}/tunebatch-test-data/eval-reports"})
abstract class AuditLineageTest extends ApplicationTest {

    static final ExampleContent SHARED = new ExampleContent("Summarize the customer's issue.",
            "Customer cannot log in after the password reset email expired.",
            "The customer could not log in because the password reset link expired before they used it.");
    static final ExampleContent WIRE = new ExampleContent("Answer the question.", "What is the wire cutoff time?",
            "Domestic wires submitted before four in the afternoon are processed on the same business day.");
    static final String EMAIL = "lena.virtanen@mail.example";
    static final ExampleContent CONTACT = new ExampleContent("Draft a reply to the customer.",
            "Please write to me at " + EMAIL + " about the late fee.",
            "We will contact you by email within one business day about the late fee you mentioned.");
    static final ExampleContent SHORT = new ExampleContent("Close the ticket.", "", "Done.");

    @Autowired
    PrepareService prepare;
    @Autowired
    JobsService jobs;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    @Qualifier("trainStandInJob")
    Job trainJob;
    @Autowired
    TrainingStandIn training;
    @Autowired
    EvaluationService evaluation;
    @Autowired
    ModelRegistry registry;
    @Autowired
    ReviewService review;
    @Autowired
    LineageService lineage;
    @Autowired
    List<TopLevelCommand> commands;
    @Autowired
    AutowireCapableBeanFactory beanFactory;

    @TempDir
    Path dir;

    PrepareSummary firstRun;
    JobExecution trainFailed;
    JobExecution trainRestarted;
    ModelVersion production;

    /**
     * zendesk T-1 and T-2 hold the same content (one example, two lineage rows); T-3 a unique
     * example; T-4 an e-mail address (flagged, unreviewed); T-5 a too-short output; two bad lines.
     * The snapshot of the first run trains support:1, which two other people promote to production.
     */
    @BeforeEach
    void preparedTrainedAndPromoted() throws Exception {
        TestFiles.write(dir.resolve("src/tickets.jsonl"), String.join("\n",
                json("T-1", SHARED), json("T-2", SHARED), json("T-3", WIRE), json("T-4", CONTACT), json("T-5", SHORT),
                "{\"source_system\":\"zendesk\",\"source_document_id\":\"T-6\",\"instruction\": broken",
                "{\"source_system\":\"zendesk\",\"source_document_id\":\"T-7\",\"instruction\":\"x\"}") + "\n");
        firstRun = prepare.summarize(prepare.prepare(dir.resolve("src").toString(), null));
        assertThat(firstRun.snapshotExamples()).isEqualTo(2);

        training.failuresLeft.set(1);
        trainFailed = jobOperator.start(trainJob, new JobParametersBuilder()
                .addString("snapshotId", firstRun.snapshotId()).toJobParameters());
        assertThat(trainFailed.getStatus()).isEqualTo(BatchStatus.FAILED);
        trainRestarted = jobs.restart(trainFailed.getId());
        assertThat(trainRestarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        Path adapter = Files.createDirectories(dir.resolve("adapter"));
        Files.writeString(adapter.resolve("adapter_model.safetensors"), "weights");
        long evalRun = evaluation.evaluate(evaluation.loadSuite(SupportAnswers.SUITE),
                new EvalSubject("tiny + adapter", "tiny", AdapterHash.of(adapter), null), SupportAnswers.TUNED::get, "alice",
                null).evalRunId();
        registry.register(new RegistrationRequest("support", "tiny", adapter, firstRun.snapshotId(), trainRestarted.getId(),
                "alice", evalRun, "{\"lora_r\": 8}", "alice"));
        registry.promote("support", 1, "bob", "passed review");
        production = registry.promote("support", 1, "carol", "release 1").version();
    }

    @Test
    void whichSourceDocumentsTrainedProductionModel() {
        List<String> documents = jdbc.queryForList("""
                SELECT DISTINCT source_system || ':' || source_document_id FROM auditor_model_lineage
                WHERE model_name = ? AND stage = 'production' ORDER BY 1""", String.class, "support");

        assertThat(documents).containsExactly("zendesk:T-1", "zendesk:T-2", "zendesk:T-3");
    }

    @Test
    void whoApprovedItWhenWithWhichEvalPassRate() {
        List<Map<String, Object>> approvals = jdbc.queryForList("""
                SELECT to_stage, decided_by, trainer, decided_at, eval_pass_rate, eval_suite FROM auditor_model_decision
                WHERE model_name = ? AND version = ? AND action = 'promote' ORDER BY decided_at""", "support", 1);

        assertThat(approvals).extracting(a -> a.get("to_stage") + " by " + a.get("decided_by") + " (trained by "
                        + a.get("trainer") + ") at " + ((Number) a.get("eval_pass_rate")).doubleValue() + " on " + a.get("eval_suite"))
                .containsExactly("staging by bob (trained by alice) at 1.0 on support-answers",
                        "production by carol (trained by alice) at 1.0 on support-answers");
        assertThat(approvals).allSatisfy(a -> assertThat(a.get("decided_at")).isNotNull());
    }

    @Test
    void rollbacksShowWhoAndWhichVersionCameBack() throws Exception {
        PrepareSummary second = prepare.summarize(prepare.prepare(dir.resolve("src").toString(), null));
        Path adapter = Files.createDirectories(dir.resolve("adapter2"));
        Files.writeString(adapter.resolve("adapter_model.safetensors"), "weights 2");
        long evalRun = evaluation.evaluate(evaluation.loadSuite(SupportAnswers.SUITE),
                new EvalSubject("tiny + adapter2", "tiny", AdapterHash.of(adapter), null), SupportAnswers.TUNED::get, "alice",
                null).evalRunId();
        registry.register(new RegistrationRequest("support", "tiny", adapter, second.snapshotId(), null, "alice", evalRun, "{}",
                "alice"));
        registry.promote("support", 2, "bob", "v2");
        registry.promote("support", 2, "carol", "release 2");
        registry.rollback("support", "dave", "complaints about v2");

        Map<String, Object> rollback = jdbc.queryForMap("""
                SELECT version, decided_by, reason, other_version, eval_pass_rate FROM auditor_model_decision
                WHERE model_name = ? AND action = 'rollback'""", "support");

        assertThat(rollback).containsEntry("decided_by", "dave").containsEntry("reason", "complaints about v2");
        assertThat(((Number) rollback.get("version")).intValue()).isEqualTo(2);
        assertThat(((Number) rollback.get("other_version")).intValue()).isEqualTo(1);
    }

    @Test
    void whichModelsSawDocument() {
        String sql = """
                SELECT DISTINCT model_name || ':' || version || ' ' || stage FROM auditor_model_lineage
                WHERE source_system = ? AND source_document_id = ?""";

        assertThat(jdbc.queryForList(sql, String.class, "zendesk", "T-3")).containsExactly("support:1 production");
        assertThat(jdbc.queryForList(sql, String.class, "zendesk", "T-4")).as("flagged, never in a snapshot").isEmpty();
    }

    @Test
    void whichTrainingRunAndHyperParametersMadeProductionModel() {
        // the two candidates and the selection the train job writes, for the stand-in training job's instance
        long instance = trainRestarted.getJobInstance().getInstanceId();
        long rank4 = trainingRun(instance, "candidate-0-r4", 4, 2.0e-4, 1.25);
        long rank8 = trainingRun(instance, "candidate-1-r8", 8, 1.0e-4, 0.75);
        jdbc.update("""
                INSERT INTO training_selection (job_instance_id, job_execution_id, training_run_id, criterion, evidence_json,
                  adapter_path, adapter_sha256, selected_at) VALUES (?, ?, ?, 'lowest_held_out_loss', '{}', '/adapters/r8', ?, CURRENT_TIMESTAMP)""",
                instance, trainRestarted.getId(), rank8, "b".repeat(64));

        List<Map<String, Object>> lineage = jdbc.queryForList("""
                SELECT DISTINCT training_job_execution_id, training_run_id, training_partition, lora_rank, learning_rate
                FROM auditor_model_lineage WHERE model_name = ? AND stage = 'production'""", "support");
        assertThat(lineage).singleElement().satisfies(row -> {
            assertThat(((Number) row.get("training_job_execution_id")).longValue()).isEqualTo(trainRestarted.getId());
            assertThat(((Number) row.get("training_run_id")).longValue()).isEqualTo(rank8);
            assertThat(row.get("training_partition")).isEqualTo("candidate-1-r8");
            assertThat(((Number) row.get("lora_rank")).intValue()).isEqualTo(8);
            assertThat(((Number) row.get("learning_rate")).doubleValue()).isEqualTo(1.0e-4);
        });
        assertThat(jdbc.queryForList("""
                SELECT partition_name || ' r=' || lora_rank || CASE WHEN selected THEN ' selected' ELSE '' END
                FROM auditor_training_candidate WHERE model_name = ? AND version = ? ORDER BY training_run_id""", String.class,
                "support", 1)).containsExactly("candidate-0-r4 r=4", "candidate-1-r8 r=8 selected");
        assertThat(rank4).isLessThan(rank8);
    }

    private long trainingRun(long jobInstanceId, String partition, int rank, double learningRate, double heldOutLoss) {
        jdbc.update("""
                INSERT INTO training_run (job_instance_id, job_execution_id, partition_name, snapshot_id, snapshot_fingerprint,
                  base_model, device, lora_rank, lora_alpha, learning_rate, settings_json, training_examples, held_out_examples,
                  status, steps, held_out_loss, adapter_path, adapter_sha256, started_at, finished_at)
                VALUES (?, ?, ?, ?, ?, 'tiny', 'cpu', ?, ?, ?, '{}', 2, 1, 'COMPLETED', 10, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""",
                jobInstanceId, trainRestarted.getId(), partition, firstRun.snapshotId(), firstRun.snapshotFingerprint(), rank,
                2.0 * rank, learningRate, heldOutLoss, "/adapters/" + partition, "a".repeat(64));
        return jdbc.queryForObject("SELECT id FROM training_run WHERE partition_name = ?", Long.class, partition);
    }

    @Test
    void everyFailedOrRestartedJobOfTheQuarterAndHowItEnded() {
        LocalDate quarterStart = LocalDate.now().with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDateTime from = quarterStart.atStartOfDay();
        LocalDateTime to = quarterStart.plusMonths(3).atStartOfDay();

        List<Map<String, Object>> troubled = jdbc.queryForList("""
                SELECT job_name, job_execution_id, attempt, status, instance_final_status, failed_steps, exit_message, task_name
                FROM auditor_job_history
                WHERE (status <> 'COMPLETED' OR instance_executions > 1) AND created_at >= ? AND created_at < ?
                ORDER BY job_execution_id""", from, to);

        assertThat(troubled).extracting(j -> j.get("job_name") + " #" + ((Number) j.get("job_execution_id")).longValue()
                        + " attempt " + ((Number) j.get("attempt")).intValue() + " " + j.get("status") + " -> " + j.get("instance_final_status")
                        + " failed steps " + j.get("failed_steps"))
                .containsExactly(
                        "train-stand-in #" + trainFailed.getId() + " attempt 1 FAILED -> COMPLETED failed steps train",
                        "train-stand-in #" + trainRestarted.getId() + " attempt 2 COMPLETED -> COMPLETED failed steps null");
        assertThat((String) troubled.get(0).get("exit_message")).contains("training node lost");
        assertThat(troubled).allSatisfy(j -> assertThat(j.get("task_name")).as("linked to its Cloud Task execution").isNotNull());

        // docs/audit.md's "last quarter" condition, the same on both databases: today's runs are not in it
        assertThat(jdbc.queryForList("""
                SELECT job_execution_id FROM auditor_job_history
                WHERE (status <> 'COMPLETED' OR instance_executions > 1)
                  AND created_at >= DATE_TRUNC('QUARTER', LOCALTIMESTAMP) - INTERVAL '3' MONTH
                  AND created_at <  DATE_TRUNC('QUARTER', LOCALTIMESTAMP)""", Long.class)).isEmpty();
    }

    @Test
    void whichExamplesWereRejectedAndWhy() {
        List<String> rejected = jdbc.queryForList("""
                SELECT stage || ' ' || COALESCE(example_id, 'line ' || line_number) || ' ' || reason FROM auditor_rejection
                WHERE job_instance_id = ? ORDER BY stage, line_number, example_id, reason""", String.class,
                firstRun.jobInstanceId());

        assertThat(rejected).containsExactly(
                "ingest line 6 malformed JSON at column 70",
                "ingest line 7 field 'output': missing required field",
                "validate " + CONTACT.exampleId() + " not_reviewed",
                "validate " + CONTACT.exampleId() + " pii_unresolved",
                "validate " + SHORT.exampleId() + " output_too_short");
    }

    @Test
    void auditorViewsNeverShowPiiValues() {
        review.show(CONTACT.exampleId(), "reviewer-1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM auditor_pii_detection WHERE entity_type = 'EMAIL_ADDRESS'",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT accessed_by FROM auditor_pii_access WHERE example_id = ?", String.class,
                CONTACT.exampleId())).isEqualTo("reviewer-1");
        review.decide(List.of(CONTACT.exampleId()), ReviewStatus.APPROVED, "reviewer-1", "address is the customer's own");
        assertThat(jdbc.queryForObject("SELECT decision || ' by ' || annotator || ' via ' || channel FROM auditor_review_decision "
                + "WHERE example_id = ?", String.class, CONTACT.exampleId())).isEqualTo("approved by reviewer-1 via cli");
        for (String view : List.of("auditor_model_lineage", "auditor_example_source", "auditor_rejection", "auditor_pii_detection",
                "auditor_pii_access", "auditor_review_decision", "auditor_job_history", "auditor_step_history",
                "auditor_audit_event", "auditor_model_decision", "auditor_snapshot", "auditor_training_candidate",
                "auditor_monitor_run", "auditor_monitor_issue", "auditor_drift_report")) {
            assertThat(jdbc.queryForList("SELECT * FROM " + view)).as(view)
                    .allSatisfy(row -> assertThat(row.values().toString()).doesNotContain(EMAIL).doesNotContain("lena"));
        }
    }

    @Test
    void eraseImpactListsExamplesSnapshotsAndModelVersionsInProduction() {
        ErasureImpact shared = lineage.eraseImpact("zendesk", "T-1");
        assertThat(shared.examples()).containsExactly(new ErasureImpact.Example(SHARED.exampleId(), SHARED.contentHash(), false,
                List.of("zendesk:T-2")));
        assertThat(shared.examplesToErase()).as("T-2 still provides the same content").isEmpty();
        assertThat(shared.snapshots()).extracting(ErasureImpact.Snapshot::snapshotId, ErasureImpact.Snapshot::examplesFromDocument)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(firstRun.snapshotId(), 1L));
        assertThat(shared.inProduction()).extracting(v -> v.modelName() + ":" + v.version()).containsExactly("support:1");

        ErasureImpact unique = lineage.eraseImpact("zendesk", "T-3");
        assertThat(unique.examplesToErase()).extracting(ErasureImpact.Example::exampleId).containsExactly(WIRE.exampleId());

        assertThatThrownBy(() -> lineage.eraseImpact("zendesk", "T-404")).isInstanceOf(LineageException.class)
                .hasMessage("no example comes from document 'T-404' of source system 'zendesk'; "
                        + "check both names against the source records (they are case-sensitive)");
    }

    @Test
    void erasureKeepsTheDocumentOutOfFutureSnapshotsAndFlagsTheModelsThatSawIt() throws Exception {
        review.decide(List.of(CONTACT.exampleId()), ReviewStatus.APPROVED, "reviewer-1", null);

        ErasureResult wire = lineage.erase("zendesk", "T-3", "dpo", "DSR-2026-17");
        ErasureResult contact = lineage.erase("zendesk", "T-4", "dpo", "DSR-2026-18");
        ErasureResult sharedFirstHalf = lineage.erase("zendesk", "T-1", "dpo", "DSR-2026-19");

        assertThat(wire.erasedExamples()).containsExactly(WIRE.exampleId());
        assertThat(wire.flaggedForRetraining()).extracting(v -> v.modelName() + ":" + v.version() + " " + v.stage())
                .containsExactly("support:1 production");
        assertThat(contact.erasedExamples()).containsExactly(CONTACT.exampleId());
        assertThat(contact.originalsDeleted()).isEqualTo(1);
        assertThat(contact.flaggedForRetraining()).as("never in a snapshot").isEmpty();
        assertThat(sharedFirstHalf.erasedExamples()).isEmpty();
        assertThat(sharedFirstHalf.keptExamples()).containsExactly(SHARED.exampleId());

        // content destroyed, identity and detections (no values) kept
        assertThat(jdbc.queryForMap("SELECT instruction, input_text, output_text, content_hash FROM training_example WHERE id = ?",
                CONTACT.exampleId())).containsValues("[erased]", CONTACT.contentHash()).doesNotContainValue(CONTACT.output());
        assertThat(count("SELECT COUNT(*) FROM pii_original WHERE example_id = ?", CONTACT.exampleId())).isZero();
        assertThat(count("SELECT COUNT(*) FROM pii_detection WHERE example_id = ?", CONTACT.exampleId())).isEqualTo(1);

        // the next run re-reads the same files: the erased content stays out, the shared example stays in
        PrepareSummary next = prepare.summarize(prepare.prepare(dir.resolve("src").toString(), null));
        assertThat(next.invalidByRule()).containsEntry("erased", 2L);
        assertThat(jdbc.queryForList("SELECT example_id FROM snapshot_example WHERE snapshot_id = ?", String.class,
                next.snapshotId())).containsExactly(SHARED.exampleId());
        assertThat(jdbc.queryForObject("SELECT output_text FROM training_example WHERE id = ?", String.class, WIRE.exampleId()))
                .as("re-ingesting the document does not bring the text back").isEqualTo("[erased]");

        // the sealed snapshot is history: unchanged, and the lineage still answers which models saw T-3
        assertThat(count("SELECT COUNT(*) FROM snapshot_example WHERE snapshot_id = ?", firstRun.snapshotId())).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT fingerprint FROM dataset_snapshot WHERE id = ?", String.class,
                firstRun.snapshotId())).isEqualTo(firstRun.snapshotFingerprint());
        assertThat(jdbc.queryForList("SELECT DISTINCT model_name || ':' || version FROM auditor_model_lineage "
                + "WHERE source_document_id = 'T-3' AND example_erased", String.class)).containsExactly("support:1");

        // the auditor sees the requests and what must be retrained
        assertThat(jdbc.queryForList("SELECT source_document_id || ' by ' || requested_by || ': ' || examples_erased "
                + "|| ' erased, ' || model_versions_flagged || ' flagged' FROM auditor_erasure ORDER BY erasure_request_id",
                String.class)).containsExactly("T-3 by dpo: 1 erased, 1 flagged", "T-4 by dpo: 1 erased, 0 flagged",
                "T-1 by dpo: 0 erased, 1 flagged");
        assertThat(jdbc.queryForList("SELECT DISTINCT model_name || ':' || version || ' ' || current_stage "
                + "FROM auditor_retraining_required", String.class)).containsExactly("support:1 production");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'gdpr_erasure' AND actor = 'dpo'")).isEqualTo(3);
        for (String table : List.of("erasure_request", "erased_example", "retraining_flag")) {
            assertThatThrownBy(() -> jdbc.update("DELETE FROM " + table)).as(table)
                    .rootCause().hasMessageContaining(table + " is append-only");
        }

        // once the last document providing the shared content is erased, it goes too
        assertThat(lineage.erase("zendesk", "T-2", "dpo", "DSR-2026-20").erasedExamples()).containsExactly(SHARED.exampleId());
    }

    @Test
    void lineageCommandPrintsTheImpactAsJsonAndRefusesUnknownDocuments(CapturedOutput output) {
        StringWriter err = new StringWriter();
        CommandLine cli = lineageCommand(err);

        assertThat(cli.execute("erase-impact", "--source-system", "zendesk", "--document-id", "T-3", "--json")).isZero();
        JsonNode impact = JsonMapper.builder().build().readTree(output.getOut());
        assertThat(impact.get("examples").get(0).get("exampleId").stringValue()).isEqualTo(WIRE.exampleId());
        assertThat(impact.get("examples").get(0).get("erasedByRequest").booleanValue()).isTrue();
        assertThat(impact.get("modelVersions").get(0).get("inProduction").booleanValue()).isTrue();

        assertThat(cli.execute("erase", "--source-system", "zendesk", "--document-id", "T-404", "--by", "dpo", "--reason", "x"))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("error: no example comes from document 'T-404'").doesNotContain("Exception");
        assertThat(count("SELECT COUNT(*) FROM erasure_request")).isZero();
    }

    /** The {@code lineage} command as the application builds it: subcommands created by Spring. */
    private CommandLine lineageCommand(StringWriter err) {
        TopLevelCommand command = commands.stream()
                .filter(c -> c.getClass().getAnnotation(Command.class).name().equals("lineage")).findFirst().orElseThrow();
        CommandLine cli = new CommandLine(command, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type.isAnnotationPresent(Command.class) ? beanFactory.createBean(type) : CommandLine.defaultFactory().create(type);
            }
        });
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            return e instanceof UserError ? 2 : 1;
        });
        return cli;
    }

    private static String json(String documentId, ExampleContent c) {
        return "{\"source_system\":\"zendesk\",\"source_document_id\":\"" + documentId + "\",\"instruction\":\""
                + c.instruction() + "\",\"input\":\"" + c.input() + "\",\"output\":\"" + c.output() + "\"}";
    }
}
