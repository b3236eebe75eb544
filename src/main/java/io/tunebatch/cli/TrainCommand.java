package io.tunebatch.cli;

import io.tunebatch.train.TrainService;
import io.tunebatch.train.TrainingSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train --snapshot ID --base DIR --config FILE}: LoRA candidates on a snapshot, the best one selected. */
@Component
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train LoRA adapters for every candidate of a training configuration on a dataset snapshot and "
                + "select the one with the lowest held-out loss.")
class TrainCommand implements Callable<Integer>, TopLevelCommand {

    @Option(names = "--snapshot", required = true, paramLabel = "ID", description = "Dataset snapshot, e.g. ds_1.")
    String snapshot;
    @Option(names = "--base", required = true, paramLabel = "DIR", description = "Local Hugging Face model folder.")
    Path base;
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Training configuration (jobs/train/*.yaml).")
    Path config;
    @Option(names = "--suite", paramLabel = "FILE", description = "Eval suite: evaluate the selected adapter; the gate decides.")
    Path suite;
    @Option(names = "--by", paramLabel = "PERSON", description = "Who launches the training (default: the OS user); "
            + "four-eyes refuses them as its approver.")
    String launchedBy;
    @Option(names = "--json", description = "Print one JSON summary on stdout.")
    boolean json;

    private final TrainService train;

    TrainCommand(TrainService train) {
        this.train = train;
    }

    @Override
    public Integer call() throws Exception {
        JobExecution execution;
        try {
            execution = train.train(snapshot, base, config, suite, launchedBy);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        return JobOutcome.report(execution, train.summarize(execution), json, TrainCommand::printText);
    }

    private static void printText(TrainingSummary s) {
        Output.line("train %s (job execution %d) on %s", s.status(), s.jobExecutionId(), s.snapshotId());
        printCandidates(s);
    }

    static void printCandidates(TrainingSummary s) {
        s.candidates().forEach(c -> Output.line("  %-40s %-9s %-6s steps %-5s held-out loss %-10s %s tokens/s",
                c.partitionName(), c.status(), c.device(), c.steps(), c.heldOutLoss(),
                c.tokensPerSecond() == null ? "-" : Math.round(c.tokensPerSecond())));
        if (s.selected() != null) {
            Output.line("  selected %s: adapter %s (sha256 %s)", s.selected().partitionName(), s.selected().adapterPath(),
                    s.selected().adapterSha256());
        }
        if (s.evalRunId() != null) {
            Output.line("  eval run %d (register with: tunebatch model register NAME --eval-run %d ...)", s.evalRunId(), s.evalRunId());
        }
    }
}
