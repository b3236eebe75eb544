package io.tunebatch.model;

import java.nio.file.Path;

/** Hears about a training run as it goes, e.g. to record metrics or checkpoint positions. */
public interface TrainingListener {

    void onStep(StepMetrics metrics);

    /** The resumable state after {@code step} updates now lies in {@code directory}. */
    default void onCheckpoint(int step, Path directory) {
    }
}
