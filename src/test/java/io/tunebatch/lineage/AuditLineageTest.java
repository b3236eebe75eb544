package io.tunebatch.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunebatch.evaluate.EvalSubject;
import io.tunebatch.evaluate.EvaluationService;
import io.tunebatch.ops.JobsService;
import io.tunebatch.prepare.PrepareService;
import io.tunebatch.prepare.PrepareSummary;
import io.tunebatch.registry.AdapterHash;
import io.tunebatch.registry.ModelRegistry;
import io.tunebatch.registry.ModelVersion;
import io.tunebatch.registry.RegistrationRequest;
import io.tunebatch.review.ReviewService;
import io.tunebatch.support.ApplicationTest;
import io.tunebatch.support.SupportAnswers;
import io.tunebatch.support.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The auditor's questions, each answered by one query on one auditor view, over data made by the
 * real prepare job, a real (stand-in) training job, the real evaluation service and registry; and
 * GDPR erasure end to end. Run on H2 and PostgreSQL by the subclasses.
 */
@Import(TrainingStandIn.class)
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
        for (String view : List.of("auditor_model_lineage", "auditor_example_source", "auditor_rejection", "auditor_pii_detection",
                "auditor_pii_access", "auditor_review_decision", "auditor_job_history", "auditor_step_history",
                "auditor_audit_event", "auditor_model_decision", "auditor_snapshot")) {
            assertThat(jdbc.queryForList("SELECT * FROM " + view)).as(view)
                    .allSatisfy(row -> assertThat(row.values().toString()).doesNotContain(EMAIL).doesNotContain("lena"));
        }
    }

    private static String json(String documentId, ExampleContent c) {
        return "{\"source_system\":\"zendesk\",\"source_document_id\":\"" + documentId + "\",\"instruction\":\""
                + c.instruction() + "\",\"input\":\"" + c.input() + "\",\"output\":\"" + c.output() + "\"}";
    }
}
