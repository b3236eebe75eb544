package io.tunebatch.cli;

import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tunebatch pii ...}: the PII engine on its own, for scoring it on any labelled set. */
@Component
@Command(name = "pii", mixinStandardHelpOptions = true, subcommands = {PiiScanCommand.class, PiiTrainNameFinderCommand.class},
        description = "Detect PII in JSONL files with the engine the prepare job uses.")
public class PiiCommand implements TopLevelCommand, Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
