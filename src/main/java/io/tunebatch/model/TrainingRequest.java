package io.tunebatch.model;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;

/**
 * One LoRA training run to make.
 *
 * @param baseModel         Hugging Face model folder (config.json, safetensors, tokenizer.json)
 * @param device            where to train, see {@link Devices}
 * @param trainingExamples  what to learn from
 * @param heldOutExamples   what to measure held-out loss on after training (may be empty)
 * @param workDirectory     gets {@code checkpoints/} (resumable state) and {@code adapter/} (the PEFT output);
 *                          a run started again on the same directory resumes from the last checkpoint
 */
public record TrainingRequest(Path baseModel, Device device, List<TrainingExample> trainingExamples,
                              List<TrainingExample> heldOutExamples, TrainingSettings settings, Path workDirectory) {

    public TrainingRequest {
        trainingExamples = List.copyOf(trainingExamples);
        heldOutExamples = heldOutExamples == null ? List.of() : List.copyOf(heldOutExamples);
    }

    public Path checkpointDirectory() {
        return workDirectory.resolve("checkpoints");
    }

    public Path adapterDirectory() {
        return workDirectory.resolve("adapter");
    }
}
