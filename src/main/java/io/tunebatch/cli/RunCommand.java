package io.tunebatch.cli;

import io.tunebatch.definition.DefinedJobs;
import io.tunebatch.definition.DefinedRunSummaries;
import io.tunebatch.definition.DefinedRunSummary;
import io.tunebatch.definition.JobDefinition;
import io.tunebatch.definition.JobDefinitionException;
import io.tunebatch.definition.JobDefinitionLoader;
import io.tunebatch.registry.ModelVersion;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run jobs/FILE.yaml}: launches a job definition (format: jobs/README.md). */
@Component
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a job definition (jobs/FILE.yaml): a new job instance named after it. A bad definition exits 2.")
class RunCommand implements Callable<Integer>, TopLevelCommand {

    @Parameters(paramLabel = "FILE.yaml", description = "The job definition, e.g. jobs/nightly-prepare.yaml.")
    Path file;

    @Option(names = "--by", paramLabel = "PERSON", defaultValue = "${sys:user.name}",
            description = "Who launches the run (default: ${DEFAULT-VALUE}): the trainer of the version it registers, "
                    + "whom four-eyes refuses as its approver.")
    String launchedBy;

    @Option(names = "--json", description = "Print one JSON summary on stdout.")
    boolean json;

    private final JobDefinitionLoader loader;
    private final DefinedJobs definedJobs;
    private final DefinedRunSummaries summaries;

    RunCommand(JobDefinitionLoader loader, DefinedJobs definedJobs, DefinedRunSummaries summaries) {
        this.loader = loader;
        this.definedJobs = definedJobs;
        this.summaries = summaries;
    }

    @Override
    public Integer call() throws Exception {
        if (launchedBy == null || launchedBy.isBlank()) {
            throw new UserError("--by must name who launches the run");
        }
        JobExecution execution;
        try {
            JobDefinition definition = loader.load(file);
            execution = definedJobs.run(definition, launchedBy.strip());
        } catch (JobDefinitionException e) {
            throw new UserError("job definition refused:\n  " + String.join("\n  ", e.problems())
                    + "\n  The format is in jobs/README.md.");
        }
        return JobOutcome.report(execution, summaries.summarize(execution), json, RunCommand::printText);
    }

    /** Every stage the definition has, with its own status, as far as the run got. */
    static void printText(DefinedRunSummary summary) {
        Output.line("%s %s (job execution %d): definition %s (sha256 %s)", summary.job(), summary.status(),
                summary.jobExecutionId(), summary.definition(), summary.definitionSha256());
        if (summary.prepare() != null) {
            Output.line("prepare   %s", summary.stages().get("prepare"));
            PrepareCommand.printCounts(summary.prepare());
        }
        if (summary.train() != null) {
            Output.line("train     %s on %s", summary.stages().get("train"), summary.train().snapshotId());
            TrainCommand.printCandidates(summary.train());
        }
        if (summary.stages().containsKey("evaluate")) {
            DefinedRunSummary.Evaluation e = summary.evaluate();
            Output.line("evaluate  %s%s", summary.stages().get("evaluate"), e == null ? "" : String.format(Locale.ROOT,
                    ": gate %s on suite '%s' (eval run %d): %d of %d cases passed, pass rate %.3f, gate %.3f",
                    e.gatePassed() ? "PASSED" : "FAILED", e.suite(), e.evalRunId(), e.passed(), e.cases(), e.passRate(), e.gate()));
            if (e != null && !e.failingCases().isEmpty()) {
                Output.line("  failing cases      %s", String.join(", ", e.failingCases()));
            }
            if (e != null) {
                Output.line("  report             %s", e.report());
            }
        }
        if (summary.stages().containsKey("register")) {
            ModelVersion v = summary.registered();
            Output.line("register  %s%s", summary.stages().get("register"), v == null ? ": nothing registered"
                    : String.format(Locale.ROOT, ": %s in %s (eval pass rate %.3f); model card %s", v.ref(), v.stage(),
                    v.evalPassRate(), v.modelCardPath()));
            if (v != null) {
                Output.line("  promotion needs an approver other than %s: tunebatch model promote %s --by PERSON --reason TEXT",
                        v.trainedBy(), v.ref());
            }
        }
    }
}
