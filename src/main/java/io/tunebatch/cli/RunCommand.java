package io.tunebatch.cli;

import io.tunebatch.definition.DefinedJobs;
import io.tunebatch.definition.JobDefinition;
import io.tunebatch.definition.JobDefinitionException;
import io.tunebatch.definition.JobDefinitionLoader;
import io.tunebatch.prepare.PrepareService;
import io.tunebatch.prepare.PrepareSummary;
import java.nio.file.Path;
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

    @Option(names = "--json", description = "Print one JSON summary on stdout.")
    boolean json;

    private final JobDefinitionLoader loader;
    private final DefinedJobs definedJobs;
    private final PrepareService prepare;

    RunCommand(JobDefinitionLoader loader, DefinedJobs definedJobs, PrepareService prepare) {
        this.loader = loader;
        this.definedJobs = definedJobs;
        this.prepare = prepare;
    }

    @Override
    public Integer call() throws Exception {
        JobExecution execution;
        try {
            JobDefinition definition = loader.load(file);
            execution = definedJobs.run(definition);
        } catch (JobDefinitionException e) {
            throw new UserError("job definition refused:\n  " + String.join("\n  ", e.problems())
                    + "\n  The format is in jobs/README.md.");
        }
        return JobOutcome.report(execution, prepare.summarize(execution), json, summary -> printText(execution, summary));
    }

    private static void printText(JobExecution execution, PrepareSummary summary) {
        Output.line("%s: definition %s (sha256 %s)", execution.getJobInstance().getJobName(),
                execution.getJobParameters().getString(DefinedJobs.DEFINITION),
                execution.getJobParameters().getString(DefinedJobs.DEFINITION_SHA256));
        PrepareCommand.printText(summary);
    }
}
