package io.tunebatch.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunebatch.prepare.PrepareService;
import io.tunebatch.prepare.PrepareSummary;
import io.tunebatch.support.ApplicationTest;
import io.tunebatch.support.Databases;
import io.tunebatch.support.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** OpenLineage run events of the real prepare job, through the file transport, on H2. */
class RunEventsTest extends ApplicationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path EVENTS = tempFile();
    private static final String WIRE = "{\"source_system\":\"zendesk\",\"source_document_id\":\"T-1\","
            + "\"instruction\":\"Answer the question.\",\"input\":\"What is the wire cutoff time?\","
            + "\"output\":\"Domestic wires submitted before four in the afternoon are processed on the same business day.\"}";

    @Autowired
    PrepareService prepare;

    Path source;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        Databases.useH2(registry);
        registry.add("tunebatch.openlineage.enabled", () -> "true");
        registry.add("tunebatch.openlineage.transport", () -> "file");
        registry.add("tunebatch.openlineage.file", EVENTS::toString);
    }

    @BeforeEach
    void freshFiles() throws IOException {
        Files.writeString(EVENTS, "");
        source = TestFiles.write(Files.createTempDirectory("ol-source").resolve("tickets.jsonl"), WIRE + "\n");
    }

    @Test
    void jobAndStepsReportStartAndCompleteWithTheSnapshotAsOutput() throws Exception {
        JobExecution execution = prepare.prepare(source.toString(), null);
        PrepareSummary summary = prepare.summarize(execution);

        List<JsonNode> job = events("prepare");
        assertThat(job).extracting(e -> e.get("eventType").stringValue()).containsExactly("START", "COMPLETE");
        String runId = job.get(0).get("run").get("runId").stringValue();
        assertThat(job.get(1).get("run").get("runId").stringValue()).isEqualTo(runId);
        assertThat(job.get(0).get("inputs").get(0).get("name").stringValue()).isEqualTo(source.toAbsolutePath().toString());
        assertThat(job.get(1).get("run").get("facets").get("tunebatch_job").get("jobExecutionId").longValue())
                .isEqualTo(execution.getId());
        JsonNode snapshot = job.get(1).get("outputs").get(0);
        assertThat(snapshot.get("namespace").stringValue()).isEqualTo("tunebatch");
        assertThat(snapshot.get("name").stringValue()).isEqualTo("dataset_snapshot/" + summary.snapshotId());
        assertThat(snapshot.get("facets").get("tunebatch_snapshot").get("fingerprint").stringValue())
                .isEqualTo(summary.snapshotFingerprint());
        assertThat(snapshot.get("outputFacets").get("outputStatistics").get("rowCount").longValue()).isEqualTo(1);

        List<JsonNode> ingest = events("prepare.ingest");
        assertThat(ingest).extracting(e -> e.get("eventType").stringValue()).containsExactly("START", "COMPLETE");
        assertThat(ingest.get(1).get("run").get("facets").get("parent").get("run").get("runId").stringValue()).isEqualTo(runId);
        assertThat(ingest.get(1).get("run").get("facets").get("tunebatch_step").get("readCount").longValue()).isEqualTo(1);
        assertThat(events("prepare.snapshot-seal")).hasSize(2);
    }

    @Test
    void aFailedStepAndJobReportFailWithTheErrorMessage() throws Exception {
        failures.arm("validationWriter", 1);

        JobExecution execution = prepare.prepare(source.toString(), null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        List<JsonNode> validate = events("prepare.validate");
        assertThat(validate).extracting(e -> e.get("eventType").stringValue()).containsExactly("START", "FAIL");
        assertThat(validate.get(1).get("run").get("facets").get("errorMessage").get("message").stringValue())
                .contains("injected failure in validationWriter");
        List<JsonNode> job = events("prepare");
        assertThat(job).extracting(e -> e.get("eventType").stringValue()).containsExactly("START", "FAIL");
        assertThat(job.get(1).get("outputs")).isEmpty();
        assertThat(Files.readString(EVENTS)).as("no example text in events").doesNotContain("wire cutoff");
    }

    @Test
    void transportFileNeedsAFile() {
        assertThatThrownBy(() -> new OpenLineageProperties(true, OpenLineageProperties.Transport.FILE, null, "tunebatch"))
                .hasMessageContaining("tunebatch.openlineage.file");
    }

    private static List<JsonNode> events(String jobName) throws IOException {
        return Files.readAllLines(EVENTS).stream().filter(line -> !line.isBlank()).map(JSON::readTree)
                .filter(e -> e.get("job").get("name").stringValue().equals(jobName)).toList();
    }

    private static Path tempFile() {
        try {
            return Files.createTempFile("openlineage", ".jsonl");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
