package io.tunebatch.model;

/**
 * Everything that decides a LoRA training run besides the data and the base model. Same settings,
 * data and seed on CPU give the same adapter bytes.
 *
 * @param learningRate             peak AdamW learning rate
 * @param weightDecay              decoupled weight decay (AdamW)
 * @param warmupSteps              optimizer steps of linear warmup
 * @param epochs                   passes over the training examples (when maxSteps is 0)
 * @param maxSteps                 optimizer steps to run; 0 derives it from epochs
 * @param batchSize                examples per micro-batch, right-padded to the longest
 * @param gradientAccumulationSteps micro-batches per optimizer step
 * @param maxGradNorm              global gradient-norm clip; 0 turns clipping off
 * @param maxSequenceLength        tokens per example; longer answers are cut at the end
 * @param checkpointEverySteps     save the resumable trainer state this often; 0 never
 */
public record TrainingSettings(
        LoraSettings lora,
        double learningRate,
        double weightDecay,
        double beta1,
        double beta2,
        double epsilon,
        LearningRateSchedule schedule,
        int warmupSteps,
        int epochs,
        int maxSteps,
        int batchSize,
        int gradientAccumulationSteps,
        double maxGradNorm,
        int maxSequenceLength,
        long seed,
        int checkpointEverySteps) {

    public TrainingSettings {
        require(learningRate > 0, "learningRate must be positive");
        require(weightDecay >= 0, "weightDecay must not be negative");
        require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "beta1 and beta2 must be in [0, 1)");
        require(epsilon > 0, "epsilon must be positive");
        require(warmupSteps >= 0, "warmupSteps must not be negative");
        require(epochs > 0 || maxSteps > 0, "either epochs or maxSteps must be positive");
        require(maxSteps >= 0, "maxSteps must not be negative");
        require(batchSize > 0, "batchSize must be positive");
        require(gradientAccumulationSteps > 0, "gradientAccumulationSteps must be positive");
        require(maxGradNorm >= 0, "maxGradNorm must not be negative");
        require(maxSequenceLength > 1, "maxSequenceLength must be at least 2");
        require(checkpointEverySteps >= 0, "checkpointEverySteps must not be negative");
        if (lora == null) {
            lora = LoraSettings.defaults();
        }
        if (schedule == null) {
            schedule = LearningRateSchedule.COSINE;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** LoRA defaults, lr 2e-4, no weight decay, cosine with 0 warmup, 1 epoch, batch 4, clip 1.0, 512 tokens, seed 42. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(LoraSettings.defaults(), 2e-4, 0.0, 0.9, 0.999, 1e-8,
                LearningRateSchedule.COSINE, 0, 1, 0, 4, 1, 1.0, 512, 42, 0);
    }

    public TrainingSettings withLora(LoraSettings value) {
        return new TrainingSettings(value, learningRate, weightDecay, beta1, beta2, epsilon, schedule, warmupSteps,
                epochs, maxSteps, batchSize, gradientAccumulationSteps, maxGradNorm, maxSequenceLength, seed,
                checkpointEverySteps);
    }

    public TrainingSettings withOptimizer(double lr, double decay, LearningRateSchedule lrSchedule, int warmup) {
        return new TrainingSettings(lora, lr, decay, beta1, beta2, epsilon, lrSchedule, warmup,
                epochs, maxSteps, batchSize, gradientAccumulationSteps, maxGradNorm, maxSequenceLength, seed,
                checkpointEverySteps);
    }

    public TrainingSettings withLength(int epochCount, int stepLimit) {
        return new TrainingSettings(lora, learningRate, weightDecay, beta1, beta2, epsilon, schedule, warmupSteps,
                epochCount, stepLimit, batchSize, gradientAccumulationSteps, maxGradNorm, maxSequenceLength, seed,
                checkpointEverySteps);
    }

    public TrainingSettings withBatching(int examplesPerMicroBatch, int accumulation, int sequenceLength) {
        return new TrainingSettings(lora, learningRate, weightDecay, beta1, beta2, epsilon, schedule, warmupSteps,
                epochs, maxSteps, examplesPerMicroBatch, accumulation, maxGradNorm, sequenceLength, seed,
                checkpointEverySteps);
    }

    public TrainingSettings withSeed(long value) {
        return new TrainingSettings(lora, learningRate, weightDecay, beta1, beta2, epsilon, schedule, warmupSteps,
                epochs, maxSteps, batchSize, gradientAccumulationSteps, maxGradNorm, maxSequenceLength, value,
                checkpointEverySteps);
    }

    public TrainingSettings withCheckpoints(int everySteps, double clipNorm) {
        return new TrainingSettings(lora, learningRate, weightDecay, beta1, beta2, epsilon, schedule, warmupSteps,
                epochs, maxSteps, batchSize, gradientAccumulationSteps, clipNorm, maxSequenceLength, seed,
                everySteps);
    }

    public int examplesPerStep() {
        return batchSize * gradientAccumulationSteps;
    }

    /** Optimizer steps for {@code exampleCount} training examples. */
    public int totalSteps(int exampleCount) {
        if (maxSteps > 0) {
            return maxSteps;
        }
        int perEpoch = (exampleCount + examplesPerStep() - 1) / examplesPerStep();
        return epochs * perEpoch;
    }
}
