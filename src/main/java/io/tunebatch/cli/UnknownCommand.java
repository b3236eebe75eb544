package io.tunebatch.cli;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * An unknown command exits 2 with a message that lists the commands there are, whatever options
 * follow it. picocli alone lets {@code --help} or {@code --version} win over an unmatched word, so
 * {@code tunebatch nosuchcommand --help} printed the help and exited 0; a script calling a command
 * that does not exist must fail.
 */
final class UnknownCommand implements IParameterExceptionHandler {

    private final IParameterExceptionHandler otherProblems;

    UnknownCommand(IParameterExceptionHandler otherProblems) {
        this.otherProblems = otherProblems;
    }

    /** Installs the check on a command tree: before any command runs, and on picocli's own parse errors. */
    static void refuseOn(CommandLine root) {
        IParameterExceptionHandler picocliDefault = root.getParameterExceptionHandler();
        root.setParameterExceptionHandler(new UnknownCommand(picocliDefault));
        CommandLine.IExecutionStrategy run = root.getExecutionStrategy();
        root.setExecutionStrategy(parseResult -> {
            ParseResult deepest = parseResult;
            while (deepest.hasSubcommand()) {
                deepest = deepest.subcommand();
            }
            CommandLine command = deepest.commandSpec().commandLine();
            unknownWord(command, deepest.unmatched()).ifPresent(word -> {
                throw new UnmatchedArgumentException(command, List.of(word));
            });
            return run.execute(parseResult);
        });
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) throws Exception {
        if (e instanceof UnmatchedArgumentException unmatched) {
            CommandLine command = unmatched.getCommandLine();
            var word = unknownWord(command, unmatched.getUnmatched());
            if (word.isPresent()) {
                String name = command.getCommandSpec().qualifiedName();
                String commands = String.join(", ", new TreeSet<>(command.getSubcommands().keySet()));
                command.getErr().printf("error: unknown command '%s'. The commands of %s are: %s%n"
                        + "  Run '%s COMMAND --help' for one command's options.%n", word.get(), name, commands, name);
                return UserError.EXIT_CODE;
            }
        }
        return otherProblems.handleParseException(e, args);
    }

    /** The first unmatched word where a command with subcommands expected one of them. */
    private static Optional<String> unknownWord(CommandLine command, List<String> unmatched) {
        if (command.getSubcommands().isEmpty()) {
            return Optional.empty();
        }
        return unmatched.stream().filter(word -> !word.startsWith("-")).findFirst();
    }
}
