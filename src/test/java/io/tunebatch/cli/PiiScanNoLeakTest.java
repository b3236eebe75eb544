package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tunebatch.pii.PiiEngine;
import io.tunebatch.pii.PiiProperties;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Whatever the scan prints, logs or throws names files, lines and counts, never the scanned values. */
class PiiScanNoLeakTest {

    private static final List<String> PLANTED = List.of("Ingrid Halvorsen", "ingrid.h@example.org", "536-22-4187",
            "4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00", "(212) 736-5000");

    @TempDir
    Path dir;

    @Test
    void neitherOutputNorLogsNorErrorsContainPlantedValues() throws Exception {
        String text = String.join(", ", PLANTED);
        Path good = dir.resolve("good.jsonl");
        Files.writeString(good, "{\"id\":\"1\",\"text\":\"" + text + "\"}\n");
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\":\"1\",\"text\":\"" + text + "\"}\n{\"id\":\"2\",\"text\":\"" + text + "\n"
                + "{\"id\":\"3\",\"txt\":\"" + text + "\"}\n");

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        StringWriter err = new StringWriter();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        int goodExit;
        int badExit;
        try {
            goodExit = cli(err).execute("scan", "--in", good.toString(), "--out", dir.resolve("o1.jsonl").toString(), "--json");
            badExit = cli(err).execute("scan", "--in", bad.toString(), "--out", dir.resolve("o2.jsonl").toString());
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            root.detachAppender(logs);
        }

        assertThat(goodExit).isZero();
        assertThat(badExit).isEqualTo(2);
        String everything = err + stdout.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8)
                + String.join("\n", logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList())
                + Files.readString(dir.resolve("o1.jsonl"));
        assertThat(everything).contains("line 2");
        for (String value : PLANTED) {
            assertThat(everything).doesNotContain(value);
        }
        assertThat(Files.readString(dir.resolve("o1.jsonl"))).contains("\"type\":\"US_SSN\"");
    }

    private static CommandLine cli(StringWriter err) {
        PiiEngine engine = PiiEngine.create(PiiProperties.defaults());
        CommandLine cli = new CommandLine(new PiiCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == PiiScanCommand.class ? type.cast(new PiiScanCommand(engine)) : CommandLine.defaultFactory().create(type);
            }
        });
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new CommandErrorHandler());
        return cli;
    }
}
