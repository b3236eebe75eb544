package io.tunebatch.cli;

import java.util.List;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.context.ApplicationContext;

/** Runs the real command tree, built the way the application's runner builds it, inside a test's context. */
final class Cli {

    private Cli() {
    }

    /**
     * One command line, with new command objects as in a new process: picocli keeps option values in
     * the command objects, so the context's singleton commands would carry them into the next run.
     */
    static int run(ApplicationContext context, String... args) {
        AutowireCapableBeanFactory beans = context.getAutowireCapableBeanFactory();
        List<TopLevelCommand> commands = context.getBeansOfType(TopLevelCommand.class).values().stream()
                .map(command -> (TopLevelCommand) beans.createBean(command.getClass())).toList();
        CommandLineRunnerConfiguration runner = new CommandLineRunnerConfiguration(beans, commands,
                new CommandLineRunnerConfiguration.ExitCode());
        return runner.newCommandLine().execute(args);
    }
}
