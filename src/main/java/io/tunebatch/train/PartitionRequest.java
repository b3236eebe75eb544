package io.tunebatch.train;

import io.tunebatch.model.TrainingSettings;

/**
 * What a training child process is asked to do, written as request.json into its work directory.
 *
 * @param trainFile   snapshot-export JSONL lines to train on
 * @param heldOutFile snapshot-export JSONL lines to measure held-out loss on
 * @param workDir     the partition's folder: checkpoints/, adapter/, metrics.jsonl, result.json
 */
public record PartitionRequest(String baseModel, String device, String trainFile, String heldOutFile,
                               TrainingSettings settings, String workDir) {
}
