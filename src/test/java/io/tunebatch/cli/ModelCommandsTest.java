package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ModelCommandsTest {

    @TempDir
    Path temp;

    private final StringWriter errors = new StringWriter();

    private record Run(int exitCode, String stdout) {
        /** The JSON document; without Spring's logging setup DJL's start-up lines also land on stdout. */
        JsonNode json() {
            int start = stdout.startsWith("{") ? 0 : stdout.lastIndexOf("\n{") + 1;
            return JsonMapper.builder().build().readTree(stdout.substring(start));
        }
    }

    private Run run(Object command, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CommandLine commandLine = new CommandLine(command);
            commandLine.setExecutionExceptionHandler(new CommandErrorHandler());
            commandLine.setErr(new PrintWriter(errors, true));
            return new Run(commandLine.execute(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void initTinyThenGenerateAsJson() throws Exception {
        Path model = temp.resolve("tiny");
        Run init = run(new ModelCommand(), "init-tiny", "--arch", "qwen2", "--out", model.toString(), "--json");
        assertThat(init.exitCode()).isZero();
        assertThat(init.json().path("architecture").asString())
                .isEqualTo("Qwen2ForCausalLM");
        assertThat(model.resolve("tokenizer.json")).exists();

        Run generate = run(new GenerateCommand(), "--base", model.toString(), "--prompt", "Say hi",
                "--max-new-tokens", "5", "--temperature", "0.8", "--top-p", "0.9", "--seed", "3", "--device", "cpu",
                "--json");
        assertThat(generate.exitCode()).as(errors.toString()).isZero();
        JsonNode result = generate.json();
        assertThat(result.path("generatedTokens").asInt()).isBetween(1, 5);
        assertThat(result.path("stopReason").asString()).isIn("eos", "max_new_tokens");
        assertThat(result.path("promptTokens").asInt()).isGreaterThan(10);
    }

    @Test
    void generatesWithAPeftAdapter() {
        Path peft = Path.of("src/test/resources/golden/peft");
        Run withAdapter = run(new GenerateCommand(), "--base", peft.resolve("base").toString(),
                "--adapter", peft.resolve("adapter").toString(), "--prompt", "Repeat the word.", "--max-new-tokens", "6",
                "--device", "cpu", "--json");
        assertThat(withAdapter.exitCode()).as(errors.toString()).isZero();
        Run without = run(new GenerateCommand(), "--base", peft.resolve("base").toString(),
                "--prompt", "Repeat the word.", "--max-new-tokens", "6", "--device", "cpu", "--json");
        assertThat(withAdapter.json().path("generatedTokens").asInt()).isPositive();
        assertThat(withAdapter.json().path("text").asString()).isNotEqualTo(without.json().path("text").asString());
    }

    @Test
    void userMistakesExitWith2AndSayWhatToDo() throws Exception {
        assertThat(run(new ModelCommand(), "init-tiny", "--arch", "gpt2", "--out", temp.resolve("x").toString())
                .exitCode()).isEqualTo(2);
        assertThat(errors.toString()).contains("--arch gpt2 is not supported; use one of llama, qwen2, mistral");

        Files.createDirectories(temp.resolve("empty"));
        assertThat(run(new GenerateCommand(), "--base", temp.resolve("empty").toString(), "--prompt", "x",
                "--device", "cpu").exitCode()).isEqualTo(2);
        assertThat(errors.toString()).contains("config.json: not found").contains("check --base and --adapter");
    }
}
