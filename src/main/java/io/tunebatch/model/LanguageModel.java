package io.tunebatch.model;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;

/** A model folder loaded for use: the transformer on its device plus its tokenizer. */
public record LanguageModel(Path directory, Transformer transformer, ModelTokenizer tokenizer) implements AutoCloseable {

    /** Loads onto {@link Devices#preferred()} with that device's base weight dtype. */
    public static LanguageModel load(Path directory) {
        Device device = Devices.preferred();
        return load(directory, device, Devices.baseWeightType(device));
    }

    public static LanguageModel load(Path directory, Device device, DataType baseWeightType) {
        Transformer transformer = Transformer.load(directory, device, baseWeightType);
        try {
            return new LanguageModel(directory, transformer, ModelTokenizer.load(directory, transformer.config()));
        } catch (RuntimeException e) {
            transformer.close();
            throw e;
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        transformer.close();
    }
}
