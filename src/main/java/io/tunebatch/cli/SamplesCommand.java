package io.tunebatch.cli;

import io.tunebatch.samples.GenerationSummary;
import io.tunebatch.samples.GeneratorOptions;
import io.tunebatch.samples.SampleFormat;
import io.tunebatch.samples.SampleGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code samples generate}: writes a deterministic sample set for demos, tests and benchmarks. */
@Component
@Command(name = "samples", description = "Synthetic enterprise source data.",
        subcommands = SamplesCommand.Generate.class, mixinStandardHelpOptions = true)
public class SamplesCommand implements TopLevelCommand, Runnable {

    @Override
    public void run() {
        throw new UserError("name a subcommand, e.g. 'samples generate --out DIR'");
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write support tickets, bank chats and clinical notes with planted PII, duplicates"
                    + " and (with --malformed) broken lines, plus their ground truth under DIR/ground-truth.")
    static class Generate implements Runnable {

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
        Path out;

        @Option(names = "--records", defaultValue = "450", paramLabel = "N",
                description = "Well-formed records over all files (default: ${DEFAULT-VALUE}).")
        long records;

        @Option(names = "--seed", defaultValue = "20260101", paramLabel = "S",
                description = "Random seed; the same seed gives byte-identical files (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--format", defaultValue = "both", paramLabel = "jsonl|csv|both",
                description = "File format; 'both' writes bank chats as CSV and the rest as JSONL"
                        + " (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--malformed", description = "Also plant malformed lines in every file.")
        boolean malformed;

        @Option(names = "--oversize-bytes", defaultValue = "" + GeneratorOptions.DEFAULT_OVERSIZE_BYTES,
                paramLabel = "BYTES", description = "Size of the planted oversize line (default: ${DEFAULT-VALUE}).")
        int oversizeBytes;

        @Option(names = "--no-ground-truth", negatable = true, defaultValue = "true",
                description = "Skip the ground-truth files (large benchmark sets do not need them).")
        boolean groundTruth;

        @Option(names = "--json", description = "Print the summary as JSON.")
        boolean json;

        @Override
        public void run() {
            SampleFormat sampleFormat = parseFormat();
            refuseForeignDataFiles(sampleFormat);
            GenerationSummary summary;
            try {
                summary = new SampleGenerator().generate(options(sampleFormat));
            } catch (IOException e) {
                throw new UserError("cannot write samples to " + out + " (" + e.getMessage()
                        + "); check that the directory is writable and has space");
            }
            if (json) {
                Output.json(summary);
                return;
            }
            for (GenerationSummary.FileSummary file : summary.files()) {
                Output.line("%-22s %,9d records %3d malformed %,8d PII values %,8d hard negatives %s",
                        file.file(), file.records(), file.malformedLines(), file.piiValues(), file.hardNegatives(),
                        file.plantings());
            }
            if (summary.groundTruthDir() != null) {
                Output.line("ground truth in %s", summary.groundTruthDir());
            }
        }

        private GeneratorOptions options(SampleFormat sampleFormat) {
            try {
                return new GeneratorOptions(out, records, seed, sampleFormat, malformed, oversizeBytes, groundTruth);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }

        private SampleFormat parseFormat() {
            return switch (format) {
                case "jsonl" -> SampleFormat.JSONL;
                case "csv" -> SampleFormat.CSV;
                case "both" -> SampleFormat.BOTH;
                default -> throw new UserError("--format must be jsonl, csv or both, got '" + format + "'");
            };
        }

        /** prepare reads a whole directory, so a data file of an earlier run would sneak into the set. */
        private void refuseForeignDataFiles(SampleFormat sampleFormat) {
            if (!Files.isDirectory(out)) {
                return;
            }
            List<String> ours = SampleGenerator.fileNames(sampleFormat);
            try (Stream<Path> entries = Files.list(out)) {
                List<String> foreign = entries.map(path -> path.getFileName().toString())
                        .filter(name -> name.endsWith(".jsonl") || name.endsWith(".csv"))
                        .filter(name -> !ours.contains(name))
                        .sorted()
                        .toList();
                if (!foreign.isEmpty()) {
                    throw new UserError(out + " already holds " + foreign + ", which this run would not replace;"
                            + " remove them or choose another --out directory");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
