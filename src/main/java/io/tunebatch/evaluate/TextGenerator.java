package io.tunebatch.evaluate;

/**
 * What evaluation needs from a model: one completion per prompt. Implementations used for
 * evaluation are deterministic (greedy decoding, fixed seed): the same prompt gives the same
 * output, so an eval run can be repeated and two versions compared on equal terms.
 */
@FunctionalInterface
public interface TextGenerator {

    String generate(String prompt);
}
