package io.tunebatch.cli;

import io.tunebatch.model.Architecture;
import io.tunebatch.model.TinyCheckpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunebatch model init-tiny}: a small random Hugging Face model folder for demos and tests. */
@Command(name = "init-tiny", mixinStandardHelpOptions = true,
        description = "Write a tiny randomly initialised model (config.json, model.safetensors, tokenizer.json).")
public class InitTinyCommand implements Runnable {

    @Option(names = "--arch", required = true, description = "llama, qwen2 or mistral")
    String arch;

    @Option(names = "--out", required = true, description = "folder to create (must be empty or absent)")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "weight seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public void run() {
        Architecture architecture = Architecture.byModelType(arch).orElseThrow(() -> new UserError(
                "--arch " + arch + " is not supported; use one of " + Arrays.stream(Architecture.values())
                        .map(Architecture::modelType).collect(Collectors.joining(", "))));
        try {
            if (Files.isDirectory(out)) {
                try (var entries = Files.list(out)) {
                    if (entries.findAny().isPresent()) {
                        throw new UserError("--out " + out + " is not empty; choose a new folder");
                    }
                }
            }
            TinyCheckpoint.write(architecture, out, seed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        if (json) {
            Output.json(Map.of("directory", out.toAbsolutePath().toString(), "architecture",
                    architecture.huggingFaceClass(), "seed", seed));
        } else {
            Output.line("wrote a tiny %s model to %s", architecture.huggingFaceClass(), out.toAbsolutePath());
        }
    }
}
