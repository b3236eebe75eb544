package io.tunebatch.model;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the base model and the Java-trained adapter that src/test/python/check_peft_adapter.py
 * loads with PEFT (run once by hand, then commit src/test/resources/golden/peft):
 * <pre>
 * mvn -q -o test-compile
 * java -cp target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *      -Dai.djl.offline=true io.tunebatch.model.PeftFixtureWriter
 * .venv/bin/python src/test/python/check_peft_adapter.py
 * </pre>
 */
public final class PeftFixtureWriter {

    static final Path ROOT = Path.of("src/test/resources/golden/peft");

    private PeftFixtureWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path base = ROOT.resolve("base");
        TinyCheckpoint.write(Architecture.LLAMA, base, 5, TinyCheckpoint.Dimensions.TEST);
        TrainingSettings settings = TrainingSettings.defaults()
                .withLora(new LoraSettings(4, 16, 0.05, List.of("q_proj", "v_proj", "o_proj", "up_proj"), false))
                .withOptimizer(2e-2, 0.0, LearningRateSchedule.LINEAR, 1)
                .withBatching(2, 1, 128)
                .withLength(1, 12);
        Path work = ROOT.resolve("work");
        TrainingResult result = new LoraTrainer().train(new TrainingRequest(base, Device.cpu(), ToyData.examples(8),
                List.of(), settings, work), metrics -> System.out.println(metrics));
        java.nio.file.Files.move(result.adapterDirectory(), ROOT.resolve("adapter"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (var files = java.nio.file.Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
