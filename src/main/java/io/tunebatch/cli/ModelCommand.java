package io.tunebatch.cli;

import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tunebatch model ...}: base model folders (tiny demo checkpoints; registry commands join here). */
@Component
@Command(name = "model", mixinStandardHelpOptions = true, subcommands = InitTinyCommand.class,
        description = "Work with base model folders.")
public class ModelCommand implements TopLevelCommand, Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
