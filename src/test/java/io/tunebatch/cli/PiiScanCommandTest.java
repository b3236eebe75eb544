package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PiiScanCommandTest {

    private static final PiiEngine ENGINE = PiiEngine.create(PiiProperties.defaults());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new PiiCommand(), new Factory());
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new CommandErrorHandler());
        return cli.execute(args);
    }

    @Test
    void writesOneSpanLinePerInputLineInOrder() throws Exception {
        Path in = write("""
                {"id":"a","text":"Call Jane Roe at 212-736-5000 or mail jane@example.com"}
                {"id":7,"text":"nothing to see here"}

                {"id":"c","text":"SSN 536-22-4187, card 4111111111111111"}
                """);
        Path out = dir.resolve("out.jsonl");
        String stdout = captureStdout(() -> assertThat(run("scan", "--in", in.toString(), "--out", out.toString(),
                "--threads", "2", "--json")).isZero());

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("id").stringValue()).isEqualTo("a");
        String text = "Call Jane Roe at 212-736-5000 or mail jane@example.com";
        assertThat(first.get("spans")).extracting(s -> s.get("type").stringValue() + ":"
                        + text.substring(s.get("start").intValue(), s.get("end").intValue()))
                .containsExactly("PERSON:Jane Roe", "PHONE_NUMBER:212-736-5000", "EMAIL_ADDRESS:jane@example.com");
        assertThat(first.get("spans").get(0).get("score").doubleValue()).isBetween(0.7, 1.0);
        assertThat(JSON.readTree(lines.get(1)).get("id").intValue()).isEqualTo(7);
        assertThat(JSON.readTree(lines.get(1)).get("spans")).isEmpty();
        assertThat(JSON.readTree(lines.get(2)).get("spans")).extracting(s -> s.get("type").stringValue())
                .containsExactly("US_SSN", "CREDIT_CARD");

        JsonNode summary = JSON.readTree(stdout);
        assertThat(summary.get("documents").intValue()).isEqualTo(3);
        assertThat(summary.get("spans").intValue()).isEqualTo(5);
        assertThat(summary.get("spansByType").get("PERSON").intValue()).isEqualTo(1);
    }

    @Test
    void aBadLineNamesFileAndLineButNeverEchoesTheText() throws Exception {
        Path in = write("""
                {"id":"a","text":"fine"}
                {"id":"b","text":"SSN 536-22-4187 trailing garbage
                """);
        assertThat(run("scan", "--in", in.toString(), "--out", dir.resolve("o.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains(in.toString() + " line 2").contains("not valid JSON")
                .doesNotContain("536-22-4187");
    }

    @Test
    void missingFieldsAndWrongTypesAreNamed() throws Exception {
        Path noText = write("{\"id\":\"a\",\"body\":\"Jane Roe\"}\n");
        assertThat(run("scan", "--in", noText.toString(), "--out", dir.resolve("o.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 1").contains("\"text\"").doesNotContain("Jane Roe");

        Path badId = write("{\"id\":{\"x\":1},\"text\":\"ok\"}\n");
        assertThat(run("scan", "--in", badId.toString(), "--out", dir.resolve("o.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("\"id\"");
    }

    @Test
    void invalidUtf8AndMissingFilesAreUserErrors() throws Exception {
        Path in = dir.resolve("latin1.jsonl");
        Files.write(in, "{\"id\":\"a\",\"text\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("scan", "--in", in.toString(), "--out", dir.resolve("o.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not valid UTF-8");

        assertThat(run("scan", "--in", dir.resolve("absent.jsonl").toString(), "--out", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read --in");

        Path same = write("{\"id\":\"a\",\"text\":\"ok\"}\n");
        assertThat(run("scan", "--in", same.toString(), "--out", same.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--out must differ from --in");
        assertThat(Files.readString(same)).contains("\"ok\"");
    }

    private Path write(String content) throws Exception {
        Path file = Files.createTempFile(dir, "in", ".jsonl");
        Files.writeString(file, content);
        return file;
    }

    private static String captureStdout(Runnable body) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** Creates the scan command with the real engine, as Spring does in the application. */
    private static final class Factory implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == PiiScanCommand.class) {
                return type.cast(new PiiScanCommand(ENGINE));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
