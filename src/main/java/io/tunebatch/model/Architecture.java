package io.tunebatch.model;

import java.util.Arrays;
import java.util.Optional;

/** The decoder families we load: all RMSNorm + RoPE + GQA attention + SiLU-gated MLP. */
public enum Architecture {
    LLAMA("LlamaForCausalLM", "llama"),
    QWEN2("Qwen2ForCausalLM", "qwen2"),
    MISTRAL("MistralForCausalLM", "mistral");

    private final String huggingFaceClass;
    private final String modelType;

    Architecture(String huggingFaceClass, String modelType) {
        this.huggingFaceClass = huggingFaceClass;
        this.modelType = modelType;
    }

    /** The {@code architectures[0]} value in config.json. */
    public String huggingFaceClass() {
        return huggingFaceClass;
    }

    /** The {@code model_type} value in config.json, also the CLI name. */
    public String modelType() {
        return modelType;
    }

    public static Optional<Architecture> byHuggingFaceClass(String name) {
        return Arrays.stream(values()).filter(a -> a.huggingFaceClass.equals(name)).findFirst();
    }

    public static Optional<Architecture> byModelType(String name) {
        return Arrays.stream(values()).filter(a -> a.modelType.equalsIgnoreCase(name)).findFirst();
    }
}
