package io.tunebatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * A command that fails with a {@link UserError} prints its message (what went wrong and what to
 * do) without a stack trace and exits 2; anything else is a bug and exits 1 with the trace.
 */
final class CommandErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof UserError) {
            commandLine.getErr().println("error: " + e.getMessage());
            return UserError.EXIT_CODE;
        }
        commandLine.getErr().println("error: " + e);
        e.printStackTrace(commandLine.getErr());
        return 1;
    }
}
