package io.tunebatch.evaluate;

import java.nio.file.Path;

/**
 * Opens a model for evaluation: a base model folder with an optional PEFT adapter folder. The
 * model stage provides the implementation; generation must be deterministic.
 */
public interface TextGeneratorFactory {

    /**
     * @param adapter the PEFT adapter folder, or {@code null} for the base model alone
     */
    TextGenerator open(Path baseModel, Path adapter);
}
