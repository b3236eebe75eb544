package io.tunebatch.cli;

import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Temporary home of the registry subcommands ({@link ModelRegistryCommands}) until they are folded
 * into the {@code model} group: {@code tunebatch registry list|show|register|promote|rollback|history|compare}.
 */
@Component
@Command(name = "registry", mixinStandardHelpOptions = true,
        subcommands = {ModelRegistryCommands.ListModels.class, ModelRegistryCommands.Show.class, ModelRegistryCommands.Register.class,
                ModelRegistryCommands.Promote.class, ModelRegistryCommands.RollbackCommand.class, ModelRegistryCommands.History.class,
                ModelRegistryCommands.Compare.class},
        description = "Model registry: versions, four-eyes promotion, rollback, history, A/B comparison.")
public class ModelRegistryCommand implements TopLevelCommand, Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
