package io.tunebatch.model;

import java.util.List;

/**
 * How to continue a prompt.
 *
 * @param maxNewTokens  upper bound on generated tokens
 * @param temperature   0 for greedy decoding, else logits are divided by it before sampling
 * @param topP          nucleus sampling: sample among the most likely tokens whose mass reaches topP (1 = all)
 * @param seed          sampling seed; the same seed gives the same text
 * @param stopSequences generation ends when the text contains one of them (it is cut off)
 */
public record GenerationSettings(int maxNewTokens, double temperature, double topP, long seed,
                                 List<String> stopSequences) {

    public GenerationSettings {
        if (maxNewTokens <= 0) {
            throw new IllegalArgumentException("maxNewTokens must be positive");
        }
        if (temperature < 0) {
            throw new IllegalArgumentException("temperature must not be negative");
        }
        if (topP <= 0 || topP > 1) {
            throw new IllegalArgumentException("topP must be in (0, 1]");
        }
        stopSequences = stopSequences == null ? List.of() : List.copyOf(stopSequences);
    }

    public static GenerationSettings greedy(int maxNewTokens) {
        return new GenerationSettings(maxNewTokens, 0, 1, 0, List.of());
    }
}
