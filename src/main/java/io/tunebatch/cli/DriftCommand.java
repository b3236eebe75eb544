package io.tunebatch.cli;

import io.tunebatch.drift.DriftReference;
import io.tunebatch.drift.DriftReport;
import io.tunebatch.drift.DriftService;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drift --snapshot ID --source PATH [--reference population|snapshot]}: fresh data against a
 * snapshot's population or the snapshot itself, for the retraining decision.
 */
@Component
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Compare fresh source data with the population a dataset snapshot was drawn from, or the snapshot "
                + "itself (PSI per feature), and recommend whether to retrain.")
class DriftCommand implements Callable<Integer>, TopLevelCommand {

    @Option(names = "--snapshot", required = true, paramLabel = "ID", description = "The dataset snapshot, e.g. ds_1.")
    String snapshot;

    @Option(names = "--source", required = true, paramLabel = "PATH",
            description = "Fresh data as prepare reads it: a JSONL or CSV file, a directory of them, or a glob (quote it).")
    String source;

    @Option(names = "--source-system", paramLabel = "NAME", description = "Source system for records that do not name one.")
    String sourceSystem;

    @Option(names = "--reference", paramLabel = "population|snapshot", defaultValue = "population",
            description = "Compare with the population the snapshot was drawn from (default: every example its prepare run "
                    + "validated, flagged and invalid ones included) or with the snapshot itself (the filtered training data).")
    String reference;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    private final DriftService drift;

    DriftCommand(DriftService drift) {
        this.drift = drift;
    }

    @Override
    public Integer call() throws Exception {
        JobExecution execution;
        try {
            execution = drift.drift(snapshot, source, sourceSystem, DriftReference.of(reference));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        return JobOutcome.report(execution, drift.summarize(execution), json, DriftCommand::printText);
    }

    private static void printText(DriftReport r) {
        if (r.reportId() == null) {
            Output.line("drift %s (job execution %d): no report", r.status(), r.jobExecutionId());
            return;
        }
        Output.line("drift report %d (job execution %d): %s %s (%d examples) vs %s (%d records, %d rejected)",
                r.reportId(), r.jobExecutionId(), r.reference().equals(DriftReference.POPULATION.value())
                        ? "population of snapshot" : "snapshot", r.snapshotId(), r.referenceExamples(), r.source(),
                r.currentRecords(), r.rejectedRecords());
        r.firstRejections().forEach(rejection -> Output.line("  rejected %s", rejection));
        Output.line("  %-20s %8s  %s", "feature", "PSI", "shift");
        r.features().forEach(f -> Output.line("  %-20s %8s  %s", f.feature(),
                Double.isNaN(f.psi()) ? "-" : String.format(Locale.ROOT, "%.3f", f.psi()), f.level()));
        Output.line("recommendation: %s", switch (r.recommendation()) {
            case "retrain" -> "retrain (a feature shifted significantly)";
            case "watch" -> "watch (moderate shift; no retraining needed yet)";
            default -> "none (fresh data looks like the " + r.reference() + ")";
        });
    }
}
