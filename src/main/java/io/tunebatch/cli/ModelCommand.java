package io.tunebatch.cli;

import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tunebatch model ...}: tiny demo checkpoints and the model registry (versions, four-eyes
 * promotion, rollback, history, A/B comparison).
 */
@Component
@Command(name = "model", mixinStandardHelpOptions = true,
        subcommands = {InitTinyCommand.class, ModelRegistryCommands.ListModels.class, ModelRegistryCommands.Show.class,
                ModelRegistryCommands.Register.class, ModelRegistryCommands.Promote.class,
                ModelRegistryCommands.RollbackCommand.class, ModelRegistryCommands.History.class,
                ModelRegistryCommands.Compare.class},
        description = "Model folders and the model registry.")
public class ModelCommand implements TopLevelCommand, Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
