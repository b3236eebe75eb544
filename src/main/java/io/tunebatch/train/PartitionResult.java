package io.tunebatch.train;

/** What a training child process reports in result.json when it finished. */
public record PartitionResult(int steps, int resumedFromStep, double heldOutLoss, double tokensPerSecond,
                              long trainableParameters, String adapterDirectory) {
}
