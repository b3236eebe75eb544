package io.tunebatch.prepare;

import static io.tunebatch.prepare.PrepareFixture.CARD;
import static io.tunebatch.prepare.PrepareFixture.EMAIL;
import static io.tunebatch.prepare.PrepareFixture.EMAIL_AND_CARD;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.lineage.ExampleContent;
import io.tunebatch.lineage.ReviewStatus;
import io.tunebatch.ops.JobsService;
import io.tunebatch.pii.FieldCipher;
import io.tunebatch.review.ReviewService;
import io.tunebatch.snapshot.SnapshotExporter;
import io.tunebatch.snapshot.SnapshotRepository;
import io.tunebatch.support.ApplicationTest;
import io.tunebatch.support.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The whole prepare job on a real database; run on H2 and on PostgreSQL by the subclasses. */
@ExtendWith(OutputCaptureExtension.class)
abstract class PrepareJobTest extends ApplicationTest {

    @Autowired
    PrepareService prepare;
    @Autowired
    JobsService jobs;
    @Autowired
    ReviewService review;
    @Autowired
    SnapshotRepository snapshots;
    @Autowired
    SnapshotExporter exporter;
    @Autowired
    FieldCipher cipher;

    @TempDir
    Path sources;

    @Test
    void preparesLineageTrackedScannedValidatedSnapshot(CapturedOutput output) throws Exception {
        PrepareFixture.writeSources(sources);

        JobExecution execution = prepare.prepare(sources.toString(), "bankchat");
        PrepareSummary summary = prepare.summarize(execution);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM TASK_TASK_BATCH WHERE JOB_EXECUTION_ID = ?", execution.getId()))
                .as("the job execution is linked to this process's Spring Cloud Task execution").isEqualTo(1);
        assertThat(summary.read()).isEqualTo(PrepareFixture.READ);
        assertThat(summary.written()).isEqualTo(PrepareFixture.WRITTEN);
        assertThat(summary.deduplicated()).isEqualTo(PrepareFixture.DEDUPLICATED);
        assertThat(summary.rejected()).isEqualTo(PrepareFixture.REJECTED);
        assertThat(summary.read()).isEqualTo(summary.written() + summary.deduplicated() + summary.rejected());
        assertThat(count("SELECT COUNT(*) FROM training_example")).isEqualTo(PrepareFixture.WRITTEN);
        assertThat(count("SELECT COUNT(*) FROM rejected_record")).isEqualTo(PrepareFixture.REJECTED);

        // lineage: the same content in two documents is one example with two source rows
        assertThat(jdbc.queryForList("SELECT source_document_id FROM example_source WHERE example_id = ? ORDER BY 1",
                String.class, PrepareFixture.LOGIN.exampleId())).containsExactly("T-1", "T-9");
        assertThat(count("SELECT COUNT(*) FROM example_source")).isEqualTo(PrepareFixture.WRITTEN + PrepareFixture.DEDUPLICATED);
        assertThat(jdbc.queryForList("SELECT DISTINCT source_system FROM example_source ORDER BY 1", String.class))
                .containsExactly("bankchat", "zendesk");
        assertThat(count("SELECT COUNT(*) FROM example_source WHERE job_execution_id = ?", execution.getId()))
                .isEqualTo(PrepareFixture.WRITTEN + PrepareFixture.DEDUPLICATED);

        // rejected records: file, line, field and reason
        List<Map<String, Object>> rejected = jdbc.queryForList(
                "SELECT source_uri, line_number, field, reason FROM rejected_record ORDER BY source_uri, line_number");
        assertThat(rejected).extracting(r -> ((String) r.get("source_uri")).replaceAll(".*/", "") + ":" + r.get("line_number")
                + " " + r.get("field") + " " + r.get("reason")).containsExactly(
                "chats.csv:4 null expected 4 columns as in the header, found 5",
                "tickets.jsonl:6 null malformed JSON at column 70",
                "tickets.jsonl:7 output field 'output': missing required field",
                "tickets.jsonl:8 instruction field 'instruction': must be a string, found a number");

        // PII: flagged examples anonymized, originals only encrypted, detections without values
        assertThat(jdbc.queryForList("SELECT id FROM training_example WHERE pii_scan_result = 'detected' ORDER BY id",
                String.class)).containsExactlyInAnyOrder(EMAIL_AND_CARD.exampleId(),
                PrepareFixture.SSN_QUESTION.exampleId(), PrepareFixture.CALLBACK.exampleId());
        String anonymizedInput = jdbc.queryForObject("SELECT input_text FROM training_example WHERE id = ?", String.class,
                EMAIL_AND_CARD.exampleId());
        assertThat(anonymizedInput).doesNotContain(EMAIL).doesNotContain(CARD)
                .contains("<EMAIL_ADDRESS>").contains("<CREDIT_CARD>");
        Map<String, Object> original = jdbc.queryForMap(
                "SELECT ciphertext, key_id FROM pii_original WHERE example_id = ? AND field = 'input'", EMAIL_AND_CARD.exampleId());
        assertThat((String) original.get("ciphertext")).doesNotContain(EMAIL);
        assertThat(cipher.open((String) original.get("ciphertext"), (String) original.get("key_id")))
                .isEqualTo(EMAIL_AND_CARD.input());
        assertThat(jdbc.queryForList("SELECT entity_type FROM pii_detection WHERE example_id = ? ORDER BY start_offset",
                String.class, EMAIL_AND_CARD.exampleId())).containsExactly("EMAIL_ADDRESS", "CREDIT_CARD");
        assertThat(summary.examplesWithPii()).isEqualTo(3);

        // validation: by rule, and the report on disk
        assertThat(summary.valid()).isEqualTo(2);
        assertThat(summary.invalid()).isEqualTo(5);
        assertThat(summary.invalidByRule()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "duplicate_content", 1L, "output_too_short", 1L, "not_reviewed", 3L, "pii_unresolved", 3L));
        assertThat(Files.readString(Path.of(summary.validationReport()))).contains("\"output_too_short\"")
                .contains(PrepareFixture.SHORT.exampleId());

        // snapshot: the valid examples, with a fingerprint anyone can recompute
        List<ExampleContent> valid = PrepareFixture.validOnFirstRun();
        assertThat(summary.snapshotExamples()).isEqualTo(valid.size());
        assertThat(summary.snapshotFingerprint()).isEqualTo(fingerprint(valid));
        Path export = sources.resolve("out/snapshot.jsonl");
        assertThat(exporter.export(snapshots.find(summary.snapshotId()).orElseThrow(), export)).isEqualTo(2);
        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("{\"id\":\"" + PrepareFixture.WIRE.exampleId() + "\",\"content_hash\":\"" + PrepareFixture.WIRE.contentHash())
                .contains("\"sources\":[{\"source_system\":\"bankchat\",\"source_document_id\":\"C-1\"}]"));

        // planted PII never reaches the logs
        PrepareFixture.PLANTED_PII.forEach(value -> assertThat(output.getAll()).doesNotContain(value));
        assertThat(jdbc.queryForList("SELECT reason FROM rejected_record", String.class))
                .noneMatch(reason -> PrepareFixture.PLANTED_PII.stream().anyMatch(reason::contains));
    }

    @Test
    void rerunOverTheSameFilesAddsNoExamplesAndNoLineage() throws Exception {
        PrepareFixture.writeSources(sources);
        prepare.prepare(sources.toString(), "bankchat");
        long lineage = count("SELECT COUNT(*) FROM example_source");

        PrepareSummary second = prepare.summarize(prepare.prepare(sources.toString(), "bankchat"));

        assertThat(second.status()).isEqualTo("COMPLETED");
        assertThat(second.written()).isZero();
        assertThat(second.deduplicated()).isEqualTo(PrepareFixture.WRITTEN + PrepareFixture.DEDUPLICATED);
        assertThat(second.read()).isEqualTo(PrepareFixture.READ);
        assertThat(count("SELECT COUNT(*) FROM training_example")).isEqualTo(PrepareFixture.WRITTEN);
        assertThat(count("SELECT COUNT(*) FROM example_source")).isEqualTo(lineage);
        assertThat(second.snapshotFingerprint()).isEqualTo(fingerprint(PrepareFixture.validOnFirstRun()));
        assertThat(count("SELECT COUNT(*) FROM dataset_snapshot")).isEqualTo(2);
    }

    @Test
    void anApprovedFlaggedExampleEntersTheNextSnapshotAnonymized() throws Exception {
        PrepareFixture.writeSources(sources);
        prepare.prepare(sources.toString(), "bankchat");

        review.decide(List.of(EMAIL_AND_CARD.exampleId()), ReviewStatus.APPROVED, "alice", "checked the masking");
        PrepareSummary next = prepare.summarize(prepare.prepare(sources.toString(), "bankchat"));

        assertThat(next.valid()).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT example_id FROM snapshot_example WHERE snapshot_id = ?", String.class,
                next.snapshotId())).contains(EMAIL_AND_CARD.exampleId());
        assertThat(jdbc.queryForMap("SELECT decision, annotator, note, channel FROM review_decision"))
                .containsEntry("decision", "approved").containsEntry("annotator", "alice").containsEntry("channel", "cli");
    }

    @ParameterizedTest(name = "crash after chunk {1} of {0}")
    @CsvSource({"ingestWriter, 2", "piiScanWriter, 2", "validationWriter, 2", "snapshotMemberWriter, 1"})
    void aCrashInTheMiddleOfAStepThenRestartEndsLikeAnUninterruptedRun(String writer, int failAfterChunk) throws Exception {
        PrepareFixture.writeSources(sources);
        PrepareSummary uninterrupted = prepare.summarize(prepare.prepare(sources.toString(), "bankchat"));
        Map<String, List<Map<String, Object>>> expected = finalState();
        resetSchema();

        failures.arm(writer, failAfterChunk);
        JobExecution crashed = prepare.prepare(sources.toString(), "bankchat");
        assertThat(crashed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(crashed.getExitStatus().getExitDescription()).contains("injected failure in " + writer);
        JobExecution restarted = jobs.restart(crashed.getId());
        PrepareSummary resumed = prepare.summarize(restarted);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(crashed.getJobInstance().getInstanceId());
        assertThat(finalState()).isEqualTo(expected);
        assertThat(resumed.snapshotFingerprint()).isEqualTo(uninterrupted.snapshotFingerprint());
        assertThat(resumed.snapshotExamples()).isEqualTo(uninterrupted.snapshotExamples());
        assertThat(List.of(resumed.read(), resumed.written(), resumed.deduplicated(), resumed.rejected(),
                resumed.scanned(), resumed.detections(), resumed.valid(), resumed.invalid()))
                .isEqualTo(List.of(uninterrupted.read(), uninterrupted.written(), uninterrupted.deduplicated(),
                        uninterrupted.rejected(), uninterrupted.scanned(), uninterrupted.detections(),
                        uninterrupted.valid(), uninterrupted.invalid()));
    }

    @Test
    void anExecutionLeftStartedByAKilledProcessIsRecoveredAndRestarted() throws Exception {
        PrepareFixture.writeSources(sources);
        failures.arm("validationWriter", 1);
        JobExecution crashed = prepare.prepare(sources.toString(), "bankchat");
        // what kill -9 leaves behind: the execution and its running step still marked STARTED
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL "
                + "WHERE JOB_EXECUTION_ID = ?", crashed.getId());
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL "
                + "WHERE JOB_EXECUTION_ID = ? AND STEP_NAME = 'validate'", crashed.getId());

        JobExecution restarted = jobs.restart(crashed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                String.class, crashed.getId())).isEqualTo("FAILED");
        assertThat(prepare.summarize(restarted).snapshotFingerprint())
                .isEqualTo(fingerprint(PrepareFixture.validOnFirstRun()));
    }

    @Test
    void aFloodOfBadRecordsFailsTheJobWithAClearMessage() throws Exception {
        TestFiles.write(sources.resolve("bad.jsonl"), "{oops\n".repeat(10));

        JobExecution execution = prepare.prepare(sources.toString(), "x");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus().getExitDescription())
                .contains("more than the skip limit of 6 (tunebatch.ingest.skip-limit)")
                .contains("rejected_record");
    }

    private Map<String, List<Map<String, Object>>> finalState() {
        return Map.of(
                "examples", jdbc.queryForList("SELECT id, content_hash, instruction, input_text, output_text, review_status, "
                        + "pii_scan_result FROM training_example ORDER BY id"),
                "lineage", jdbc.queryForList("SELECT example_id, source_system, source_document_id, source_uri, record_number, "
                        + "line_number FROM example_source ORDER BY example_id, source_uri, record_number"),
                "rejected", jdbc.queryForList("SELECT source_uri, record_number, line_number, field, reason FROM rejected_record "
                        + "ORDER BY source_uri, record_number"),
                "detections", jdbc.queryForList("SELECT example_id, field, entity_type, start_offset, end_offset, score "
                        + "FROM pii_detection ORDER BY example_id, field, start_offset"),
                "originals", jdbc.queryForList("SELECT example_id, field FROM pii_original ORDER BY example_id, field"),
                "validation", jdbc.queryForList("SELECT example_id, valid FROM validation_result ORDER BY example_id"),
                "issues", jdbc.queryForList("SELECT example_id, rule FROM validation_issue ORDER BY example_id, rule"),
                "snapshot", jdbc.queryForList("SELECT example_id, content_hash FROM snapshot_example ORDER BY example_id"));
    }

    static String fingerprint(List<ExampleContent> examples) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        examples.stream().map(ExampleContent::contentHash).sorted()
                .forEach(hash -> digest.update((hash + "\n").getBytes(StandardCharsets.US_ASCII)));
        return HexFormat.of().formatHex(digest.digest());
    }
}
