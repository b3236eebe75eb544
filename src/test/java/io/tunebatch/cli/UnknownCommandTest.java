package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The application's command tree refuses a command that does not exist, at any level, whatever options follow. */
class UnknownCommandTest {

    @Command(name = "greet", mixinStandardHelpOptions = true)
    static final class Greet implements Runnable, TopLevelCommand {
        @Override
        public void run() {
        }
    }

    @Command(name = "leaf", mixinStandardHelpOptions = true)
    static final class Leaf implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "group", mixinStandardHelpOptions = true, subcommands = Leaf.class)
    static final class Group implements Runnable, TopLevelCommand {
        @Override
        public void run() {
        }
    }

    private final StringWriter err = new StringWriter();

    @Test
    void anUnknownCommandExitsTwoListingTheCommandsWhateverOptionsFollow() {
        for (String[] args : List.of(new String[] {"nosuchcommand"}, new String[] {"nosuchcommand", "--help"},
                new String[] {"--help", "nosuchcommand"}, new String[] {"nosuchcommand", "-V"})) {
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", args))
                    .contains("error: unknown command 'nosuchcommand'. The commands of tunebatch are: greet, group")
                    .contains("Run 'tunebatch COMMAND --help'");
            err.getBuffer().setLength(0);
        }
    }

    @Test
    void anUnknownSubcommandOfAGroupIsRefusedTheSameWay() {
        assertThat(run("group", "nosuch", "--help")).isEqualTo(2);
        assertThat(err.toString()).contains("error: unknown command 'nosuch'. The commands of tunebatch group are: leaf");
    }

    @Test
    void knownCommandsHelpAndOtherMistakesBehaveAsBefore() {
        assertThat(run("greet", "--help")).isZero();
        assertThat(run("group", "leaf")).isZero();
        assertThat(run("--help")).isZero();
        assertThat(err.toString()).doesNotContain("unknown command");

        assertThat(run("greet", "--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'").doesNotContain("unknown command");
    }

    private int run(String... args) {
        CommandLine root = new CommandLineRunnerConfiguration(new DefaultListableBeanFactory(), List.of(new Greet(), new Group()),
                new CommandLineRunnerConfiguration.ExitCode()).newCommandLine();
        root.setErr(new PrintWriter(err, true));
        root.setOut(new PrintWriter(new StringWriter(), true));
        return root.execute(args);
    }
}
