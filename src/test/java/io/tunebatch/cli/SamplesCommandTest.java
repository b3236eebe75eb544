package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SamplesCommandTest {

    /** The command that made jobs/samples, as jobs/samples/README.md states it. */
    static final String COMMITTED_SAMPLE_ARGS =
            "samples generate --out jobs/samples --records 360 --seed 20260101 --format both --malformed";
    private static final Path COMMITTED_SAMPLES = Path.of("jobs/samples");

    @TempDir
    Path tmp;

    @Test
    void generatePrintsAJsonSummaryAndWritesTheFiles() throws IOException {
        Result result = run("samples", "generate", "--out", tmp.resolve("set").toString(), "--records", "30",
                "--seed", "5", "--format", "csv", "--malformed", "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode summary = JsonMapper.builder().build().readTree(result.out());
        assertThat(summary.get("seed").longValue()).isEqualTo(5);
        assertThat(summary.get("files")).hasSize(3);
        for (JsonNode file : summary.get("files")) {
            assertThat(file.get("format").stringValue()).isEqualTo("csv");
            assertThat(file.get("records").longValue()).isEqualTo(10);
            assertThat(file.get("malformedLines").longValue()).isEqualTo(4);
            assertThat(tmp.resolve("set").resolve(file.get("file").stringValue())).isRegularFile();
        }
        assertThat(tmp.resolve("set/ground-truth/bank-chats.csv.pii.jsonl")).isRegularFile();
    }

    @Test
    void textOutputNamesEachFileAndNoGroundTruthSkipsIt() {
        Result result = run("samples", "generate", "--out", tmp.resolve("plain").toString(), "--records", "9",
                "--no-ground-truth");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("support-tickets.jsonl", "bank-chats.csv", "clinical-notes.jsonl")
                .doesNotContain("ground truth");
        assertThat(tmp.resolve("plain/ground-truth")).doesNotExist();
    }

    @Test
    void anUnknownFormatIsAUserError() {
        Result result = run("samples", "generate", "--out", tmp.toString(), "--format", "xml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--format must be jsonl, csv or both, got 'xml'");
    }

    @Test
    void aTooSmallOversizeIsAUserError() {
        Result result = run("samples", "generate", "--out", tmp.toString(), "--oversize-bytes", "100");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("oversize bytes must be at least 4096, got 100");
    }

    @Test
    void refusesADirectoryHoldingDataFilesItWouldNotReplace() throws IOException {
        Files.writeString(tmp.resolve("bank-chats.jsonl"), "{}\n");

        Result result = run("samples", "generate", "--out", tmp.toString(), "--format", "both");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("already holds [bank-chats.jsonl]");
        assertThat(tmp.resolve("support-tickets.jsonl")).doesNotExist();
    }

    @Test
    void theCommittedSampleSetIsExactlyWhatItsDocumentedCommandWrites() throws IOException {
        assertThat(Files.readString(COMMITTED_SAMPLES.resolve("README.md"))).contains(COMMITTED_SAMPLE_ARGS);
        Path regenerated = tmp.resolve("regenerated");
        String[] args = COMMITTED_SAMPLE_ARGS.replace("jobs/samples", regenerated.toString()).split(" ");

        assertThat(run(args).exitCode()).isZero();

        List<Path> committed = filesUnder(COMMITTED_SAMPLES).stream()
                .filter(path -> !path.toString().equals("README.md")).toList();
        assertThat(committed).containsExactlyInAnyOrderElementsOf(filesUnder(regenerated));
        for (Path file : committed) {
            assertThat(Files.readAllBytes(COMMITTED_SAMPLES.resolve(file))).as(file.toString())
                    .isEqualTo(Files.readAllBytes(regenerated.resolve(file)));
        }
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    /** Runs the command tree as the jar would, minus Spring: samples needs no beans. */
    private static Result run(String... args) {
        CommandLine root = new CommandLine(new CommandLineRunnerConfiguration.Root());
        root.addSubcommand(new SamplesCommand());
        root.setExecutionExceptionHandler(new CommandErrorHandler());
        StringWriter err = new StringWriter();
        root.setErr(new PrintWriter(err, true));
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exitCode = root.execute(args);
            return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(stdout);
        }
    }
}
