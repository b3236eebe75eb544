package io.tunebatch.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalSuiteLoaderTest {

    private final EvalSuiteLoader loader = new EvalSuiteLoader();

    @TempDir
    Path dir;

    @Test
    void loadsTheExampleSuiteInTheRepository() {
        EvalSuite suite = loader.load(Path.of("jobs/eval-suites/support-answers.yaml"));

        assertThat(suite.name()).isEqualTo("support-answers");
        assertThat(suite.sha256()).hasSize(64);
        assertThat(suite.cases()).extracting(EvalCase::name)
                .containsExactly("capital-exact", "refund-window", "no-credentials", "ticket-json", "ticket-id");
        assertThat(suite.cases()).extracting(c -> c.check().type())
                .containsExactly(CaseType.ACCURACY, CaseType.ACCURACY, CaseType.SAFETY, CaseType.FORMAT_COMPLIANCE,
                        CaseType.FORMAT_COMPLIANCE);
        assertThat(suite.cases().get(0).check().threshold()).isEqualTo(0.8);
        assertThat(suite.cases().get(1).check().threshold()).isEqualTo(0.7);
        assertThat(suite.cases().get(2).check().threshold()).isEqualTo(0.95);
        assertThat(suite.cases().get(3).check().threshold()).isEqualTo(0.9);
    }

    @Test
    void unknownCaseTypeFailsLoudlyWithFileLineCaseAndField() throws IOException {
        Path file = write("""
                name: s
                cases:
                  - name: ok
                    type: accuracy
                    prompt: p
                    reference: r
                    metric: exact
                  - name: vibes
                    type: sentiment
                    prompt: p
                """);
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(EvalSuiteException.class)
                .hasMessage("eval suite " + file + ", line 9: case 'vibes' (cases[1]), field 'type': unknown case type "
                        + "'sentiment'; use accuracy, safety or format_compliance");
    }

    @Test
    void unknownMetricNamesTheAllowedOnes() throws IOException {
        Path file = write("""
                name: s
                cases:
                  - name: refund
                    type: accuracy
                    prompt: p
                    reference: r
                    metric: bleu
                """);
        assertThatThrownBy(() -> loader.load(file)).hasMessage("eval suite " + file + ", line 7: case 'refund' (cases[0]), "
                + "field 'metric': unknown metric 'bleu'; use one of exact, contains, regex, token_f1, rouge_l");
    }

    @Test
    void missingFieldNamesTheCaseAndItsLine() throws IOException {
        Path file = write("""
                name: s
                cases:
                  - name: first
                    type: accuracy
                    prompt: p
                    metric: exact
                """);
        assertThatThrownBy(() -> loader.load(file))
                .hasMessage("eval suite " + file + ", line 3: case 'first' (cases[0]), missing required field 'reference'");
    }

    @Test
    void fieldOfAnotherTypeIsAnUnknownField() throws IOException {
        Path file = write("""
                name: s
                cases:
                  - name: f
                    type: format_compliance
                    prompt: p
                    format: regex
                    pattern: "\\\\d+"
                    metric: exact
                """);
        assertThatThrownBy(() -> loader.load(file))
                .hasMessageStartingWith("eval suite " + file + ", line 8: case 'f' (cases[0]), unknown field 'metric'");
    }

    @Test
    void invalidRegularExpressionAndSchemaAreRefused() throws IOException {
        Path badRegex = write("""
                name: s
                cases:
                  - name: s1
                    type: safety
                    prompt: p
                    forbidden_patterns: ["ok", "(unclosed"]
                """);
        assertThatThrownBy(() -> loader.load(badRegex)).hasMessageContaining(
                "line 6: case 's1' (cases[0]), field 'forbidden_patterns[1]': invalid regular expression");

        Path badSchema = write("""
                name: s
                cases:
                  - name: j
                    type: format_compliance
                    prompt: p
                    format: json_schema
                    schema: [not, a, mapping]
                """);
        assertThatThrownBy(() -> loader.load(badSchema))
                .hasMessageContaining("line 7: case 'j' (cases[0]), field 'schema': a JSON Schema must be a mapping");
    }

    @Test
    void duplicateNamesThresholdOutOfRangeAndEmptyFilesAreRefused() throws IOException {
        String accuracyCase = """
                  - name: same
                    type: accuracy
                    prompt: p
                    reference: r
                    metric: exact
                """;
        assertThatThrownBy(() -> loader.load(write("name: s\ncases:\n" + accuracyCase + accuracyCase)))
                .hasMessageContaining("line 8: case 'same' (cases[1]): duplicate case name");
        assertThatThrownBy(() -> loader.load(write("name: s\ncases:\n" + accuracyCase + "    threshold: 1.5\n")))
                .hasMessageContaining("line 8: case 'same' (cases[0]), field 'threshold': must be a number between 0 and 1");
        assertThatThrownBy(() -> loader.load(write("")))
                .hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> loader.load(write("name: s\ncases: [\n")))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> loader.load(write("name: s\ncases:\n  - name: p\n    type: safety\n    prompt: x\n    pii_leakage: false\n")))
                .hasMessageContaining("case 'p' (cases[0]): a safety case needs forbidden_patterns, pii_leakage: true or canaries");
    }

    @Test
    void canariesAreAListOrTheSnapshots() throws IOException {
        String safetyCase = "name: s\ncases:\n  - name: memo\n    type: safety\n    prompt: x\n    pii_leakage: false\n";

        EvalSuite suite = loader.load(write(safetyCase + "    canaries: snapshot\n"));

        assertThat(suite.snapshotCanaryCase()).map(EvalCase::name).contains("memo");
        assertThat(((SafetyCheck) suite.cases().get(0).check()).canaries()).isEmpty();
        assertThat(loader.load(write(safetyCase + "    canaries: [ZEBRA-1]\n")).snapshotCanaryCase()).isEmpty();
        assertThatThrownBy(() -> loader.load(write(safetyCase + "    canaries: training\n")))
                .hasMessageContaining("line 7: case 'memo' (cases[0]), field 'canaries': must be a list of texts or 'snapshot'");
    }

    @Test
    void schemaFileIsResolvedNextToTheSuite() throws IOException {
        Files.writeString(dir.resolve("ticket.schema.json"), "{\"type\": \"object\", \"required\": [\"id\"], \"properties\": {\"id\": {\"type\": \"integer\"}}}");
        Path file = write("""
                name: s
                cases:
                  - name: j
                    type: format_compliance
                    prompt: p
                    format: json_schema
                    schema_file: ticket.schema.json
                """);
        CaseCheck check = loader.load(file).cases().get(0).check();
        assertThat(check.score("{\"id\": 1}", null).score()).isEqualTo(1.0);
        assertThat(check.score("{\"name\": 1}", null).detail()).isEqualTo("1 schema violation(s): / (required)");
        assertThat(check.score("{\"id\": {\"x\": 1}}", null).detail()).isEqualTo("1 schema violation(s): /id (type)");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "suite", ".yaml"), yaml);
    }
}
