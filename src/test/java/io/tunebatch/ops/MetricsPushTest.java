package io.tunebatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tunebatch.TuneBatchApplication;
import io.tunebatch.prepare.PrepareService;
import io.tunebatch.support.Databases;
import io.tunebatch.support.TestFiles;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A short-lived process as a CronJob pod runs it: Pushgateway export on, a prepare run, the
 * process ends; the last push (PUT) carries our counters and Spring Batch's step timers. The
 * Pushgateway here is a plain HTTP server that records what it receives.
 */
class MetricsPushTest {

    record Push(String method, String path, String body) {
    }

    private final List<Push> pushes = new CopyOnWriteArrayList<>();
    private HttpServer pushgateway;

    @TempDir
    Path dir;

    @BeforeEach
    void startPushgateway() throws Exception {
        pushgateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pushgateway.createContext("/", exchange -> {
            pushes.add(new Push(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        pushgateway.start();
    }

    @AfterEach
    void stopPushgateway() {
        pushgateway.stop(0);
    }

    @Test
    void aPrepareRunPushesItsMetricsWhenTheProcessEnds() throws Exception {
        TestFiles.write(dir.resolve("t.jsonl"), String.join("\n",
                "{\"source_document_id\":\"1\",\"instruction\":\"Reply.\",\"input\":\"Write to ana@mail.example\",\"output\":\"Done soon.\"}",
                "{\"source_document_id\":\"2\",\"instruction\":\"Reply.\",\"input\":\"No contact\",\"output\":\"Done later.\"}",
                "{\"source_document_id\":\"3\",\"instruction\":\"Reply.\"}") + "\n");
        // as arguments, which (unlike builder properties) win over application.yml
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TuneBatchApplication.class).run(
                "--tunebatch.cli.enabled=false",
                "--spring.datasource.url=" + Databases.newH2Url(),
                "--tunebatch.pii.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--tunebatch.data-dir=" + dir.resolve("data"),
                "--management.prometheus.metrics.export.pushgateway.enabled=true",
                "--management.prometheus.metrics.export.pushgateway.address=127.0.0.1:" + pushgateway.getAddress().getPort(),
                "--management.prometheus.metrics.export.pushgateway.job=tunebatch-test",
                "--management.prometheus.metrics.export.pushgateway.format=text",
                "--management.prometheus.metrics.export.pushgateway.push-rate=1h",
                "--management.prometheus.metrics.export.pushgateway.shutdown-operation=put");
        JobExecution execution;
        try {
            execution = context.getBean(PrepareService.class).prepare(dir.resolve("t.jsonl").toString(), "crm");
        } finally {
            context.close();
        }

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(pushes).isNotEmpty();
        Push last = pushes.get(pushes.size() - 1);
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
