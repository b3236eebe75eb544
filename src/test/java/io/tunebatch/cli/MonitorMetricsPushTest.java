package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.evaluate.AdapterHash;
import io.tunebatch.evaluate.EvalSubject;
import io.tunebatch.evaluate.EvaluationService;
import io.tunebatch.prepare.PrepareService;
import io.tunebatch.registry.ModelRegistry;
import io.tunebatch.registry.RegistrationRequest;
import io.tunebatch.support.SupportAnswers;
import io.tunebatch.support.RecordingPushgateway;
import io.tunebatch.support.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A monitoring run in a short-lived process with the Pushgateway export on, as a CronJob pod runs
 * it: the push when the process ends carries the verdict's gauges and the scoring step's counters.
 * The Pushgateway is a plain HTTP server that records what it receives.
 */
class MonitorMetricsPushTest {

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
    void aMonitoringRunPushesItsVerdictWhenTheProcessEnds() throws Exception {
        TestFiles.write(dir.resolve("train/q.jsonl"), IntStream.range(0, 20).mapToObj(i -> MonitorDriftTest.example(i,
                MonitorDriftTest.question(MonitorDriftTest.BANKING, i, 3 + (i % 10) * 2), "crm")).collect(Collectors.joining("\n")) + "\n");
        Path log = TestFiles.write(dir.resolve("logs/day.jsonl"), MonitorDriftTest.healthyLog(9) + MonitorDriftTest.logLine(1,
                "Where do I write?", "Write to " + MonitorDriftTest.EMAIL + " today, we answer within two days.") + "\n");
        ConfigurableApplicationContext context = pushgateway.startApplication(dir.resolve("data"));
        int exit;
        try {
            PrepareService prepare = context.getBean(PrepareService.class);
            String snapshot = prepare.summarize(prepare.prepare(dir.resolve("train").toString(), null)).snapshotId();
            EvaluationService evaluation = context.getBean(EvaluationService.class);
            Path adapter = Files.createDirectories(dir.resolve("adapter"));
            Files.writeString(adapter.resolve("adapter_model.safetensors"), "weights");
            long evalRun = evaluation.evaluate(evaluation.loadSuite(SupportAnswers.SUITE), new EvalSubject("tiny + adapter", "tiny",
                    AdapterHash.of(adapter), null), SupportAnswers.TUNED::get, "alice", null).evalRunId();
            ModelRegistry registry = context.getBean(ModelRegistry.class);
            registry.register(new RegistrationRequest("support", "tiny", adapter, snapshot, null, "alice", evalRun, "{}", "alice"));
            exit = Cli.run(context, "monitor", "--logs", log.toString(), "--model", "support", "--version", "1");
        } finally {
            context.close();
        }

        assertThat(exit).isEqualTo(MonitorCommand.THRESHOLDS_CROSSED);
        assertThat(pushgateway.pushes()).isNotEmpty();
        assertThat(pushgateway.pushes().get(pushgateway.pushes().size() - 1).body())
                .containsPattern("tunebatch_monitor_pii_leak_rate\\{[^}]*model=\"support\"[^}]*version=\"1\"[^}]*} 0\\.1")
                .containsPattern("tunebatch_monitor_thresholds_crossed\\{[^}]*model=\"support\"[^}]*} [1-9]")
                .containsPattern("tunebatch_monitor_drift_psi\\{[^}]*feature=\"prompt_length\"[^}]*} ")
                .containsPattern("tunebatch_monitor_lines_scored_total\\{[^}]*job=\"monitor\"[^}]*step=\"monitor-score\"[^}]*} 10\\.0")
                .containsPattern("tunebatch_monitor_pii_leaks_total\\{[^}]*} 1\\.0")
                .containsPattern("spring_batch_job_seconds_count\\{[^}]*spring_batch_job_name=\"monitor\"[^}]*} 1")
                .doesNotContain(MonitorDriftTest.EMAIL);
    }
}
