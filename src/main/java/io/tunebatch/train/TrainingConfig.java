package io.tunebatch.train;

import io.tunebatch.model.LearningRateSchedule;
import io.tunebatch.model.LoraSettings;
import io.tunebatch.model.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A training configuration file ({@code jobs/train/*.yaml}, documented in jobs/train/README.md):
 * the base settings and a grid of candidates. Each grid combination is one partition of the
 * train step.
 */
public record TrainingConfig(
        String name,
        String baseModel,
        String snapshot,
        double heldOutFraction,
        String devices,
        Lora lora,
        Optimizer optimizer,
        Training training,
        Grid grid) {

    public TrainingConfig {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("name: required, lower case letters, digits and '-'");
        }
        if (heldOutFraction < 0 || heldOutFraction >= 1) {
            throw new IllegalArgumentException("held_out_fraction: must be in [0, 1)");
        }
        lora = lora == null ? new Lora(null, null, null, null, null) : lora;
        optimizer = optimizer == null ? new Optimizer(null, null, null, null) : optimizer;
        training = training == null ? new Training(null, null, null, null, null, null, null, null) : training;
        grid = grid == null ? new Grid(null, null) : grid;
        devices = devices == null ? "auto" : devices;
    }

    public record Lora(Integer r, Double alpha, Double dropout, List<String> targetModules, Boolean useRslora) {
    }

    public record Optimizer(Double learningRate, Double weightDecay, String schedule, Integer warmupSteps) {
    }

    public record Training(Integer epochs, Integer maxSteps, Integer batchSize, Integer gradientAccumulationSteps,
                           Double maxGradNorm, Integer maxSequenceLength, Long seed, Integer checkpointEverySteps) {
    }

    /** Values to try; an empty or missing list means "the base value only". */
    public record Grid(List<Integer> r, List<Double> learningRate) {
    }

    /** One combination of the grid on top of the base settings. */
    public record Candidate(int index, int rank, double learningRate, TrainingSettings settings) {
        public String partitionName() {
            return "candidate-" + index + "-r" + rank + "-lr" + java.math.BigDecimal.valueOf(learningRate).toPlainString();
        }
    }

    /** Every grid combination, in a stable order (rank major, learning rate minor). */
    public List<Candidate> candidates() {
        TrainingSettings base = baseSettings();
        List<Integer> ranks = grid.r() == null || grid.r().isEmpty() ? List.of(base.lora().rank()) : grid.r();
        List<Double> rates = grid.learningRate() == null || grid.learningRate().isEmpty()
                ? List.of(base.learningRate()) : grid.learningRate();
        List<Candidate> candidates = new ArrayList<>();
        for (int rank : ranks) {
            for (double rate : rates) {
                LoraSettings lora = new LoraSettings(rank, alphaFor(rank, base.lora()), base.lora().dropout(),
                        base.lora().targetModules(), base.lora().rsLora());
                TrainingSettings settings = base.withLora(lora)
                        .withOptimizer(rate, base.weightDecay(), base.schedule(), base.warmupSteps());
                candidates.add(new Candidate(candidates.size(), rank, rate, settings));
            }
        }
        return candidates;
    }

    /** The base settings: the model's defaults overridden by what the file sets. */
    TrainingSettings baseSettings() {
        TrainingSettings d = TrainingSettings.defaults();
        LoraSettings dl = d.lora();
        LoraSettings loraSettings = new LoraSettings(or(lora.r(), dl.rank()), or(lora.alpha(), dl.alpha()),
                or(lora.dropout(), dl.dropout()), or(lora.targetModules(), dl.targetModules()), or(lora.useRslora(), dl.rsLora()));
        LearningRateSchedule schedule = optimizer.schedule() == null ? d.schedule()
                : LearningRateSchedule.valueOf(optimizer.schedule().toUpperCase(Locale.ROOT));
        return new TrainingSettings(loraSettings, or(optimizer.learningRate(), d.learningRate()),
                or(optimizer.weightDecay(), d.weightDecay()), d.beta1(), d.beta2(), d.epsilon(), schedule,
                or(optimizer.warmupSteps(), d.warmupSteps()), or(training.epochs(), d.epochs()),
                or(training.maxSteps(), d.maxSteps()), or(training.batchSize(), d.batchSize()),
                or(training.gradientAccumulationSteps(), d.gradientAccumulationSteps()),
                or(training.maxGradNorm(), d.maxGradNorm()), or(training.maxSequenceLength(), d.maxSequenceLength()),
                or(training.seed(), d.seed()), or(training.checkpointEverySteps(), 10));
    }

    /** Keeps the configured alpha/r ratio when the grid changes r (PEFT users tune r with alpha = 2r). */
    private static double alphaFor(int rank, LoraSettings base) {
        return base.alpha() * rank / base.rank();
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
