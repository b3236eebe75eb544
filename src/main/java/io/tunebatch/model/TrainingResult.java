package io.tunebatch.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished training run.
 *
 * @param adapterDirectory    the PEFT adapter folder
 * @param trainableParameters LoRA weights trained
 * @param steps               optimizer updates in total
 * @param resumedFromStep     updates already made by an earlier, interrupted attempt (0 when fresh)
 * @param metrics             per-step figures of this attempt
 * @param heldOutLoss         mean answer-token loss on the held-out examples, NaN without any
 */
public record TrainingResult(Path adapterDirectory, long trainableParameters, int steps, int resumedFromStep,
                             List<StepMetrics> metrics, double heldOutLoss) {

    /** Tokens per second over this attempt's steps. */
    public double tokensPerSecond() {
        double seconds = metrics.stream().mapToDouble(m -> m.tokens() / m.tokensPerSecond()).sum();
        return seconds == 0 ? 0 : metrics.stream().mapToLong(StepMetrics::tokens).sum() / seconds;
    }
}
