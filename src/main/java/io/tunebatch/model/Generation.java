package io.tunebatch.model;

/**
 * A finished generation.
 *
 * @param text            the generated text (without prompt, cut before a stop sequence)
 * @param tokenIds        generated ids, the end token included when one ended it
 * @param stopReason      eos, stop_sequence, max_new_tokens or context_length
 * @param promptTokens    tokens in the prompt
 * @param tokensPerSecond generated tokens / wall time, prompt processing included
 */
public record Generation(String text, long[] tokenIds, String stopReason, int promptTokens, double tokensPerSecond) {
}
