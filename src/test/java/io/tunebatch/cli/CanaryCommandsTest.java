package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.support.ApplicationTest;
import io.tunebatch.support.Databases;
import io.tunebatch.support.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code prepare --canaries N} and the canary count of {@code snapshot list|show}, through the real command tree on H2. */
@ExtendWith(OutputCaptureExtension.class)
class CanaryCommandsTest extends ApplicationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.useH2(registry);
    }

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void prepareWithCanariesAndTheSnapshotShowsTheirCount(CapturedOutput output) {
        Path source = TestFiles.write(dir.resolve("a.jsonl"), "{\"source_document_id\":\"T-1\",\"instruction\":\"Answer.\","
                + "\"input\":\"When is the cutoff?\",\"output\":\"Wires sent before four in the afternoon are processed on the same day.\"}\n");

        assertThat(Cli.run(context, "prepare", "--source", source.toString(), "--canaries", "1001")).isEqualTo(2);
        assertThat(output.getErr()).contains("--canaries must be between 0 and 1000, got 1001");
        assertThat(Cli.run(context, "prepare", "--source", source.toString(), "--source-system", "crm", "--canaries", "2")).isZero();
        String snapshot = jdbc.queryForObject("SELECT id FROM dataset_snapshot", String.class);

        int before = output.getOut().length();
        assertThat(Cli.run(context, "snapshot", "show", snapshot, "--json")).isZero();
        assertThat(output.getOut().substring(before)).containsPattern("\"canaryCount\"\\s*:\\s*2\\s")
                .containsPattern("\"exampleCount\"\\s*:\\s*3,");
        before = output.getOut().length();
        assertThat(Cli.run(context, "snapshot", "list")).isZero();
        assertThat(output.getOut().substring(before)).contains("CANARIES").containsPattern(snapshot + "\\s+3\\s+2\\s+2\\s");
        before = output.getOut().length();
        assertThat(Cli.run(context, "snapshot", "show", snapshot)).isZero();
        assertThat(output.getOut().substring(before)).contains("examples      3 (2 of them planted canaries)");
    }
}
