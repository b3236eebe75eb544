package io.tunebatch.model;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * LoRA training step throughput and generation speed on a TinyCheckpoint model, for BENCHMARKS.md.
 * Run through bench/train/run.sh, which runs bench_peft.py on the same folder, batch and length.
 * Besides wall time it reports the step's CPU time on the training thread (libtorch runs its ops on
 * the calling thread with one intra-op thread), which moves far less with the machine's load.
 * Args: model folder, batch size, sequence length, measured steps.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        int batch = Integer.parseInt(args[1]);
        int length = Integer.parseInt(args[2]);
        int steps = Integer.parseInt(args[3]);
        int warmup = 3;
        double dropout = Double.parseDouble(System.getProperty("bench.dropout", "0.05"));
        TrainingSettings settings = TrainingSettings.defaults()
                .withLora(new LoraSettings(8, 16, dropout, LoraSettings.DEFAULT_TARGETS, false))
                .withBatching(batch, 1, length)
                .withLength(1, warmup + steps);
        try (LanguageModel model = LanguageModel.load(base, Device.cpu(), DataType.FLOAT32)) {
            List<TrainingExample> examples = examplesOfExactLength(model.tokenizer(), length, batch * (warmup + steps));
            Path work = Files.createTempDirectory("bench-train");
            double[] millis = new double[steps];
            double[] cpuMillis = new double[steps];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long tokens = 0;
            try (TrainingSession session = TrainingSession.open(model, examples, settings, work)) {
                for (int i = 0; i < warmup; i++) {
                    session.runStep();
                }
                for (int i = 0; i < steps; i++) {
                    long start = System.nanoTime();
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    tokens += session.runStep().tokens();
                    cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            double total = Arrays.stream(millis).sum();
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            Generator generator = new Generator(model, null);
            generator.generate("Hello", GenerationSettings.greedy(8));
            Generation generation = generator.generate("Once upon a time",
                    new GenerationSettings(128, 0, 1, 0, List.of()));
            double[] cpuSorted = cpuMillis.clone();
            Arrays.sort(cpuSorted);
            System.out.printf("java  train: %.1f ms/step p50, %.0f tokens/s, %.1f CPU ms/step p50 | generate: %.1f tokens/s"
                            + " (%d tokens, %s) | peak RSS %d MiB%n", sorted[steps / 2], tokens / (total / 1000),
                    cpuSorted[steps / 2],
                    generation.tokensPerSecond(), generation.tokenIds().length, generation.stopReason(),
                    peakRssMiB());
        }
    }

    /** Examples whose prompt + answer encode to exactly {@code length} tokens (byte-level tokenizer). */
    static List<TrainingExample> examplesOfExactLength(ModelTokenizer tokenizer, int length, int count) {
        List<TrainingExample> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String instruction = "Continue the pattern " + i + ".";
            int prompt = tokenizer.encode(tokenizer.prompt(instruction, "")).length;
            int end = tokenizer.encode(tokenizer.endOfAnswer()).length;
            String answer = "ab".repeat(length).substring(0, length - prompt - end);
            examples.add(new TrainingExample(instruction, "", answer));
        }
        return examples;
    }

    private static long peakRssMiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
