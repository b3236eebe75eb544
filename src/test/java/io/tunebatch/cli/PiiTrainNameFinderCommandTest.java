package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.pii.PiiSpan;
import io.tunebatch.pii.recognizer.NameFinderRecognizer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PiiTrainNameFinderCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new PiiTrainNameFinderCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new CommandErrorHandler());
        return cli.execute(args);
    }

    @Test
    void writesAModelTheRecognizerLoads() throws Exception {
        Path out = dir.resolve("names.bin");
        assertThat(run("--out", out.toString(), "--sentences", "400", "--seed", "3")).isZero();

        NameFinderRecognizer recognizer;
        try (var in = Files.newInputStream(out)) {
            recognizer = new NameFinderRecognizer(new TokenNameFinderModel(in));
        }
        String text = "Dear Mr. Smith, thank you for your letter.";
        List<PiiSpan> spans = new ArrayList<>();
        recognizer.recognize(text, spans);
        assertThat(spans).extracting(s -> text.substring(s.start(), s.end())).containsExactly("Smith");
    }

    @Test
    void refusesATinyCorpusAndAMissingFolder() {
        assertThat(run("--out", dir.resolve("m.bin").toString(), "--sentences", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("--sentences must be at least 100");
        assertThat(run("--out", dir.resolve("missing/m.bin").toString(), "--sentences", "100")).isEqualTo(2);
        assertThat(err.toString()).contains("its folder does not exist");
    }
}
