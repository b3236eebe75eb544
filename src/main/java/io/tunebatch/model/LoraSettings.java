package io.tunebatch.model;

import java.util.List;

/**
 * LoRA hyper-parameters, named as in PEFT's LoraConfig.
 *
 * @param rank          r, the inner dimension of A [r, in] and B [out, r]
 * @param alpha         lora_alpha; the update is scaled by alpha/r, or alpha/sqrt(r) with rsLora
 * @param dropout       lora_dropout on the input of the LoRA branch while training
 * @param targetModules projection names, e.g. q_proj, v_proj, gate_proj
 * @param rsLora        use_rslora: rank-stabilised scaling
 */
public record LoraSettings(int rank, double alpha, double dropout, List<String> targetModules, boolean rsLora) {

    public static final List<String> DEFAULT_TARGETS = List.of("q_proj", "k_proj", "v_proj", "o_proj");

    public LoraSettings {
        if (rank <= 0) {
            throw new IllegalArgumentException("LoRA rank must be positive, was " + rank);
        }
        if (alpha <= 0) {
            throw new IllegalArgumentException("LoRA alpha must be positive, was " + alpha);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("LoRA dropout must be in [0, 1), was " + dropout);
        }
        targetModules = List.copyOf(targetModules == null || targetModules.isEmpty() ? DEFAULT_TARGETS : targetModules);
        for (String module : targetModules) {
            if (!Transformer.MODULES.contains(module)) {
                throw new IllegalArgumentException("LoRA target module '" + module + "' is not one of "
                        + Transformer.MODULES);
            }
        }
    }

    /** r=8, alpha=16, dropout 0.05 on q/k/v/o: PEFT's usual starting point. */
    public static LoraSettings defaults() {
        return new LoraSettings(8, 16, 0.05, DEFAULT_TARGETS, false);
    }

    public double scaling() {
        return rsLora ? alpha / Math.sqrt(rank) : alpha / rank;
    }
}
