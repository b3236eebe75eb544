package io.tunebatch.cli;

import io.tunebatch.pii.recognizer.PersonNameModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pii train-name-finder --out FILE}: trains the PERSON name finder from the generated corpus
 * with the shipped seed and writes it; with the default output this regenerates the model shipped
 * in the jar ({@code src/main/resources/io/tunebatch/pii/names/person-name-finder.bin}).
 */
@Command(name = "train-name-finder", mixinStandardHelpOptions = true,
        description = "Train the OpenNLP PERSON name finder from the generated corpus (deterministic, offline).")
public class PiiTrainNameFinderCommand implements Runnable {

    @Option(names = "--out", description = "model file to write (default: ${DEFAULT-VALUE})")
    Path out = Path.of("src/main/resources" + PersonNameModel.RESOURCE);

    @Option(names = "--seed", description = "corpus seed (default: ${DEFAULT-VALUE})")
    long seed = PersonNameModel.SEED;

    @Option(names = "--sentences", description = "training documents to generate (default: ${DEFAULT-VALUE})")
    int sentences = PersonNameModel.SENTENCES;

    @Option(names = "--json", description = "print a JSON summary")
    boolean json;

    @Override
    public void run() {
        if (sentences < 100) {
            throw new UserError("--sentences must be at least 100, got " + sentences);
        }
        long started = System.nanoTime();
        byte[] model = PersonNameModel.serialize(PersonNameModel.train(seed, sentences));
        try {
            Files.write(out, model);
        } catch (NoSuchFileException e) {
            throw new UserError("cannot write --out " + out + ": its folder does not exist");
        } catch (IOException e) {
            throw new UserError("cannot write --out " + out + ": " + e.getClass().getSimpleName());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("out", out.toString());
            summary.put("bytes", model.length);
            summary.put("seed", seed);
            summary.put("sentences", sentences);
            summary.put("seconds", seconds);
            Output.json(summary);
        } else {
            Output.line("wrote %s (%,d bytes) from %,d generated documents, seed %d, in %.1f s", out, model.length,
                    sentences, seed, seconds);
        }
    }
}
