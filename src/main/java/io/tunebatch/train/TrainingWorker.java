package io.tunebatch.train;

import io.tunebatch.model.Devices;
import io.tunebatch.model.LoraTrainer;
import io.tunebatch.model.StepMetrics;
import io.tunebatch.model.TrainingExample;
import io.tunebatch.model.TrainingListener;
import io.tunebatch.model.TrainingRequest;
import io.tunebatch.model.TrainingResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The child JVM that trains one candidate. libtorch runs here, not in the process that holds the
 * job repository: a native crash ends this process only, and the parent records a clean failure
 * that {@code jobs restart} resumes from the last checkpoint. Metrics go to metrics.jsonl, the
 * outcome to result.json. When the parent dies (its end of stdin closes) this process stops too.
 */
public final class TrainingWorker {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private TrainingWorker() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        stopWhenParentDies(System.in);
        PartitionRequest request = JSON.readValue(Path.of(args[0]).toFile(), PartitionRequest.class);
        Path workDir = Path.of(request.workDir());
        try (BufferedWriter metrics = Files.newBufferedWriter(workDir.resolve("metrics.jsonl"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            TrainingRequest training = new TrainingRequest(Path.of(request.baseModel()), Devices.parse(request.device()),
                    examples(Path.of(request.trainFile())), examples(Path.of(request.heldOutFile())),
                    request.settings(), workDir);
            TrainingResult result = new LoraTrainer().train(training, new MetricsFile(metrics));
            JSON.writeValue(workDir.resolve("result.json").toFile(), new PartitionResult(result.steps(),
                    result.resumedFromStep(), result.heldOutLoss(), result.tokensPerSecond(),
                    result.trainableParameters(), result.adapterDirectory().toString()));
        }
        System.exit(0);
    }

    static List<TrainingExample> examples(Path exportFile) throws IOException {
        try (var lines = Files.lines(exportFile, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).map(line -> {
                JsonNode node = JSON.readTree(line);
                return new TrainingExample(node.get("instruction").asString(), node.get("input").asString(),
                        node.get("output").asString());
            }).toList();
        }
    }

    private static void stopWhenParentDies(InputStream parentPipe) {
        Thread watcher = new Thread(() -> {
            try {
                while (parentPipe.read() >= 0) {
                    // the parent never writes; read() returns -1 when it is gone
                }
            } catch (IOException ignored) {
                // a broken pipe means the same
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** One JSON line per optimizer step and per checkpoint, flushed at once so the parent sees progress. */
    private record MetricsFile(BufferedWriter out) implements TrainingListener {
        @Override
        public void onStep(StepMetrics m) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", "step");
            line.put("step", m.step());
            line.put("epoch", m.epoch());
            line.put("loss", m.loss());
            line.put("learning_rate", m.learningRate());
            line.put("gradient_norm", m.gradientNorm());
            line.put("tokens", m.tokens());
            line.put("tokens_per_second", m.tokensPerSecond());
            write(line);
        }

        @Override
        public void onCheckpoint(int step, Path directory) {
            write(Map.of("type", "checkpoint", "step", step));
        }

        private void write(Map<String, Object> line) {
            try {
                out.write(JSON.writeValueAsString(line));
                out.newLine();
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
