package io.tunebatch.cli;

import io.tunebatch.canary.CanaryStepConfiguration;
import io.tunebatch.prepare.PrepareService;
import io.tunebatch.prepare.PrepareSummary;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code prepare --source PATH}: source files → a validated, PII-scanned dataset snapshot. */
@Component
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = "Ingest source files, scan and anonymize PII, validate, and freeze a dataset snapshot.")
class PrepareCommand implements Callable<Integer>, TopLevelCommand {

    @Option(names = "--source", required = true, paramLabel = "PATH",
            description = "A JSONL or CSV file, a directory of them, or a glob (quote it), e.g. 'data/*.jsonl'.")
    String source;

    @Option(names = "--source-system", paramLabel = "NAME",
            description = "Source system for records that do not name one.")
    String sourceSystem;

    @Option(names = "--canaries", paramLabel = "N", defaultValue = "0",
            description = "Plant N synthetic canary examples (a random secret behind a distinctive prompt, recorded in "
                    + "the snapshot) so evaluation can test for memorization; default ${DEFAULT-VALUE}.")
    int canaries;

    @Option(names = "--json", description = "Print one JSON summary on stdout.")
    boolean json;

    private final PrepareService prepare;

    PrepareCommand(PrepareService prepare) {
        this.prepare = prepare;
    }

    @Override
    public Integer call() throws Exception {
        if (canaries < 0 || canaries > CanaryStepConfiguration.MAX_CANARIES) {
            throw new UserError("--canaries must be between 0 and " + CanaryStepConfiguration.MAX_CANARIES + ", got " + canaries);
        }
        JobExecution execution;
        try {
            execution = prepare.prepare(source, sourceSystem, canaries);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + " (--source)");
        }
        return JobOutcome.report(execution, prepare.summarize(execution), json, PrepareCommand::printText);
    }

    static void printText(PrepareSummary s) {
        Output.line("prepare %s (job execution %d)", s.status(), s.jobExecutionId());
        printCounts(s);
    }

    static void printCounts(PrepareSummary s) {
        Output.line("  records read       %d", s.read());
        Output.line("  examples written   %d", s.written());
        Output.line("  deduplicated       %d", s.deduplicated());
        Output.line("  rejected           %d%s", s.rejected(), s.rejected() > 0
                ? "  (reasons: SELECT * FROM rejected_record WHERE job_execution_id = " + s.jobExecutionId() + ")" : "");
        Output.line("  scanned for PII    %d (%d with PII, %d detections)", s.scanned(), s.examplesWithPii(), s.detections());
        Output.line("  valid / invalid    %d / %d", s.valid(), s.invalid());
        s.invalidByRule().forEach((rule, count) -> Output.line("    %-20s %d", rule, count));
        if (s.validationReport() != null) {
            Output.line("  validation report  %s", s.validationReport());
        }
        if (s.snapshotId() != null) {
            Output.line("  snapshot           %s (%d examples, fingerprint %s)", s.snapshotId(), s.snapshotExamples(),
                    s.snapshotFingerprint());
        }
    }
}
