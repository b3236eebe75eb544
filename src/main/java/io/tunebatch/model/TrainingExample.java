package io.tunebatch.model;

/** One instruction-tuning record; {@code input} may be empty. Loss is taken on {@code output} only. */
public record TrainingExample(String instruction, String input, String output) {

    public TrainingExample {
        if (instruction == null || output == null) {
            throw new IllegalArgumentException("a training example needs an instruction and an output");
        }
        input = input == null ? "" : input;
    }
}
