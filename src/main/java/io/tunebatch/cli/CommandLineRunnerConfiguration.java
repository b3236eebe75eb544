package io.tunebatch.cli;

import java.util.List;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs the command tree once the context is up and hands picocli's exit code to Spring Boot
 * (and so to the Spring Cloud Task record). Tests switch it off with {@code tunebatch.cli.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "tunebatch.cli.enabled", havingValue = "true", matchIfMissing = true)
class CommandLineRunnerConfiguration implements CommandLineRunner {

    private final AutowireCapableBeanFactory beanFactory;
    private final List<TopLevelCommand> commands;
    private final ExitCode exitCode;

    CommandLineRunnerConfiguration(AutowireCapableBeanFactory beanFactory, List<TopLevelCommand> commands, ExitCode exitCode) {
        this.beanFactory = beanFactory;
        this.commands = commands;
        this.exitCode = exitCode;
    }

    @Override
    public void run(String... args) {
        exitCode.value = newCommandLine().execute(commandArguments(args));
    }

    /** Spring Boot already took {@code --some.property=value} arguments as configuration; picocli must not see them. */
    static String[] commandArguments(String... args) {
        return java.util.Arrays.stream(args).filter(a -> !a.matches("--[a-zA-Z0-9-]+(\\.[a-zA-Z0-9\\[\\]-]+)+=.*"))
                .toArray(String[]::new);
    }

    CommandLine newCommandLine() {
        CommandLine root = new CommandLine(new Root(), new SpringFactory(beanFactory));
        commands.forEach(root::addSubcommand);
        root.setExecutionExceptionHandler(new CommandErrorHandler());
        UnknownCommand.refuseOn(root);
        return root;
    }

    @Command(name = "tunebatch", mixinStandardHelpOptions = true, version = "TuneBatch 0.1.0",
            description = "Governed LLM fine-tuning: prepare data, train, evaluate, register, audit.")
    static final class Root implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.err);
        }
    }

    /**
     * The command's exit code for Spring Boot (and so for the Spring Cloud Task record). A bean of its
     * own: Spring Cloud Task wraps CommandLineRunner beans, which would hide an ExitCodeGenerator on the runner.
     */
    @Component
    static final class ExitCode implements ExitCodeGenerator {
        private volatile int value;

        @Override
        public int getExitCode() {
            return value;
        }
    }

    /** Subcommands named by class are created by Spring, so they get constructor injection. */
    private record SpringFactory(AutowireCapableBeanFactory beanFactory) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type.isAnnotationPresent(Command.class)) {
                return beanFactory.createBean(type);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
