package io.tunebatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.prepare.PrepareService;
import io.tunebatch.support.RecordingPushgateway;
import io.tunebatch.support.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A short-lived process as a CronJob pod runs it: Pushgateway export on, a prepare run, the
 * process ends; the last push (PUT) carries our counters and Spring Batch's step timers. The
 * Pushgateway here is a plain HTTP server that records what it receives.
 */
class MetricsPushTest {

    private RecordingPushgateway pushgateway;

    @TempDir
    Path dir;

    @BeforeEach
    void startPushgateway() throws Exception {
        pushgateway = RecordingPushgateway.start();
    }

    @AfterEach
    void stopPushgateway() {
        pushgateway.close();
    }

    @Test
    void aPrepareRunPushesItsMetricsWhenTheProcessEnds() throws Exception {
        TestFiles.write(dir.resolve("t.jsonl"), String.join("\n",
                "{\"source_document_id\":\"1\",\"instruction\":\"Reply.\",\"input\":\"Write to ana@mail.example\",\"output\":\"Done soon.\"}",
                "{\"source_document_id\":\"2\",\"instruction\":\"Reply.\",\"input\":\"No contact\",\"output\":\"Done later.\"}",
                "{\"source_document_id\":\"3\",\"instruction\":\"Reply.\"}") + "\n");
        ConfigurableApplicationContext context = pushgateway.startApplication(dir.resolve("data"));
        JobExecution execution;
        try {
            execution = context.getBean(PrepareService.class).prepare(dir.resolve("t.jsonl").toString(), "crm");
        } finally {
            context.close();
        }

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(pushgateway.pushes()).isNotEmpty();
        RecordingPushgateway.Push last = pushgateway.pushes().get(pushgateway.pushes().size() - 1);
        assertThat(last.method()).isEqualTo("PUT");
        assertThat(last.path()).isEqualTo("/metrics/job/tunebatch-test");
        assertThat(last.body())
                .containsPattern("tunebatch_examples_written_total\\{[^}]*job=\"prepare\"[^}]*step=\"ingest\"[^}]*} 2\\.0")
                .containsPattern("tunebatch_records_rejected_total\\{[^}]*} 1\\.0")
                .containsPattern("tunebatch_pii_scanned_total\\{[^}]*step=\"pii-scan\"[^}]*} 2\\.0")
                .containsPattern("tunebatch_pii_detections_total\\{[^}]*} 1\\.0")
                .containsPattern("spring_batch_step_seconds_count\\{[^}]*spring_batch_step_name=\"pii-scan\"[^}]*} 1")
                .containsPattern("spring_batch_job_seconds_count\\{[^}]*spring_batch_job_name=\"prepare\"[^}]*} 1");
    }
}
