package io.tunebatch.evaluate;

/** One case of a suite: a prompt and what its output must satisfy. */
public record EvalCase(String name, String prompt, CaseCheck check) {
}
