package io.tunebatch.cli;

import io.tunebatch.evaluate.EvalSuiteException;
import io.tunebatch.monitor.MonitorReport;
import io.tunebatch.monitor.MonitorService;
import io.tunebatch.monitor.MonitorVerdict;
import io.tunebatch.registry.RegistryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code monitor --logs PATH --model NAME}: scores production outputs with the eval suite's
 * safety, format and PII-leakage checks and measures prompt drift against the training snapshot.
 * Exits {@value #THRESHOLDS_CROSSED} when the run completed but crossed a threshold.
 */
@Component
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Score production inference logs with the eval suite's safety, format and PII-leakage checks, measure "
                + "prompt drift against the training snapshot, and exit " + MonitorCommand.THRESHOLDS_CROSSED
                + " when a threshold is crossed.")
class MonitorCommand implements Callable<Integer>, TopLevelCommand {

    /** Exit code of a monitoring run that completed and crossed at least one threshold. */
    static final int THRESHOLDS_CROSSED = 4;

    @Option(names = "--logs", required = true, paramLabel = "PATH",
            description = "Inference logs: a JSONL file, a directory of them, or a glob (quote it). "
                    + "One JSON object per line: timestamp, model_version, prompt, output, optionally case.")
    String logs;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The registered model.")
    String model;

    @Option(names = "--version", paramLabel = "N", description = "The version to monitor (default: the one in production).")
    Integer version;

    @Option(names = "--suite", paramLabel = "FILE",
            description = "Eval suite whose checks to apply (default: the suite the version was evaluated with).")
    Path suite;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    private final MonitorService monitor;

    MonitorCommand(MonitorService monitor) {
        this.monitor = monitor;
    }

    @Override
    public Integer call() throws Exception {
        JobExecution execution;
        try {
            execution = monitor.monitor(logs, model, version, suite);
        } catch (IllegalArgumentException | RegistryException | EvalSuiteException e) {
            throw new UserError(e.getMessage());
        }
        MonitorReport report = monitor.summarize(execution);
        int exit = JobOutcome.report(execution, report, json, MonitorCommand::printText);
        if (execution.getStatus() == BatchStatus.COMPLETED && report.thresholdsCrossed()) {
            MonitorVerdict v = report.verdict();
            System.err.printf("error: monitoring %s crossed %d threshold(s) (job execution %d):%n", v.modelRef(),
                    v.crossed().size(), v.jobExecutionId());
            v.crossed().forEach(crossed -> System.err.println("  " + crossed));
            return THRESHOLDS_CROSSED;
        }
        return exit;
    }

    private static void printText(MonitorReport r) {
        MonitorVerdict v = r.verdict();
        if (v == null) {
            Output.line("monitor %s (job execution %d): no verdict", r.status(), r.jobExecutionId());
            return;
        }
        Output.line("monitor %s (job execution %d) with suite '%s'%s: %s", v.modelRef(), v.jobExecutionId(), v.suiteName(),
                v.snapshotId() == null ? ", no training snapshot (drift not measured)" : " against snapshot " + v.snapshotId(),
                v.passed() ? "PASSED" : "THRESHOLDS CROSSED");
        Output.line("  lines read %d: scored %d, other versions %d, malformed %d", v.counts().read(), v.counts().scored(),
                v.counts().otherVersion(), v.counts().malformed());
        r.firstMalformedLines().forEach(line -> Output.line("    malformed %s", line));
        Output.line("  safety failures      %d (rate %.3f)", v.counts().safetyFailures(), v.safetyFailureRate());
        Output.line("  format failures      %d of %d checked (rate %.3f)", v.counts().formatFailures(), v.counts().formatChecked(),
                v.formatFailureRate());
        Output.line("  outputs with PII     %d (rate %.3f)%s", v.counts().piiLeaks(), v.piiLeakRate(),
                r.piiByEntityType().isEmpty() ? "" : " " + r.piiByEntityType());
        if (v.promptLengthPsi() != null) {
            Output.line("  prompt length PSI    %s", String.format(Locale.ROOT, "%.3f", v.promptLengthPsi()));
            Output.line("  prompt token PSI     %s", String.format(Locale.ROOT, "%.3f", v.promptTokenPsi()));
        }
    }
}
