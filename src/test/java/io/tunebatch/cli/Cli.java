package io.tunebatch.cli;

import java.util.List;
import org.springframework.context.ApplicationContext;

/** Runs the real command tree, built the way the application's runner builds it, inside a test's context. */
final class Cli {

    private Cli() {
    }

    static int run(ApplicationContext context, String... args) {
        CommandLineRunnerConfiguration runner = new CommandLineRunnerConfiguration(context.getAutowireCapableBeanFactory(),
                List.copyOf(context.getBeansOfType(TopLevelCommand.class).values()), new CommandLineRunnerConfiguration.ExitCode());
        return runner.newCommandLine().execute(args);
    }
}
