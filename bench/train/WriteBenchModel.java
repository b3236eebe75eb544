package io.tunebatch.model;

import java.nio.file.Path;

/** Writes the benchmark model: "demo" (TinyCheckpoint.DEMO, ~3M) or "base100m" (Llama shape, ~85M in the layers). */
public final class WriteBenchModel {

    private WriteBenchModel() {
    }

    public static void main(String[] args) throws Exception {
        TinyCheckpoint.Dimensions dims = switch (args[0]) {
            case "demo" -> TinyCheckpoint.Dimensions.DEMO;
            case "base100m" -> new TinyCheckpoint.Dimensions(259, 768, 2048, 12, 12, 12);
            default -> throw new IllegalArgumentException("size must be demo or base100m");
        };
        TinyCheckpoint.write(Architecture.LLAMA, Path.of(args[1]), 42, dims);
    }
}
