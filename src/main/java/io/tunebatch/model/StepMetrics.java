package io.tunebatch.model;

/**
 * What one optimizer step did.
 *
 * @param step            1-based number of the update just made
 * @param epoch           examples consumed / training examples, fractional
 * @param loss            mean cross-entropy over the step's answer tokens
 * @param gradientNorm    global L2 norm of the LoRA gradients before clipping
 * @param tokens          real (non-padding) tokens processed in the step
 * @param tokensPerSecond tokens / wall time of the step
 */
public record StepMetrics(int step, double epoch, double loss, double learningRate, double gradientNorm,
                          int tokens, double tokensPerSecond) {
}
