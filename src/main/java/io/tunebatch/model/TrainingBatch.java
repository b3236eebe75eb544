package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Examples right-padded to the longest. Position t predicts token t+1; {@code lossMask} is 1 where
 * that token belongs to the answer. Right padding with a causal mask leaves real tokens unaffected.
 */
record TrainingBatch(long[][] ids, long[][] targets, float[][] lossMask, int answerTokens, int realTokens) {

    static TrainingBatch of(List<EncodedExample> examples, long padId) {
        int length = examples.stream().mapToInt(e -> e.ids().length).max().orElse(1);
        long[][] ids = new long[examples.size()][length];
        long[][] targets = new long[examples.size()][length];
        float[][] mask = new float[examples.size()][length];
        int answerTokens = 0;
        int realTokens = 0;
        for (int b = 0; b < examples.size(); b++) {
            EncodedExample example = examples.get(b);
            java.util.Arrays.fill(ids[b], padId);
            System.arraycopy(example.ids(), 0, ids[b], 0, example.ids().length);
            realTokens += example.ids().length;
            for (int t = 0; t + 1 < example.ids().length; t++) {
                targets[b][t] = example.ids()[t + 1];
                if (t + 1 >= example.answerStart()) {
                    mask[b][t] = 1f;
                    answerTokens++;
                }
            }
        }
        return new TrainingBatch(ids, targets, mask, answerTokens, realTokens);
    }

    int length() {
        return ids[0].length;
    }

    /**
     * Sum over answer positions of -log p(target), as a 0-d array on the logits' manager. The target
     * and weight arrays wrap Java memory that autograd keeps for backward, so they go to {@code manager},
     * which must outlive backward.
     */
    NDArray lossSum(NDManager manager, NDArray logits) {
        NDArray targetIds = manager.create(targets).expandDims(2);
        NDArray logProbabilities = logits.logSoftmax(2).gather(targetIds, 2).squeeze(2);
        NDArray weights = manager.create(lossMask);
        return logProbabilities.mul(weights).sum().neg();
    }

    Shape shape() {
        return new Shape(ids.length, length());
    }
}
