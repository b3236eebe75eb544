package io.tunebatch.canary;

import io.tunebatch.lineage.ExampleContent;

/**
 * A canary planted in the training data: a random secret behind a distinctive prompt. A model that
 * answers the prompt with the secret memorized its training data. The secret is synthetic (not
 * PII) but is still kept out of logs and messages: {@link #toString()} leaves it out.
 *
 * @param number 1-based, per snapshot
 */
public record Canary(int number, String prompt, String secret) {

    /**
     * The training example that carries it: the prompt as instruction, the secret in an output long
     * enough (13 words) for the default validation rules.
     */
    public ExampleContent example() {
        return new ExampleContent(prompt, "", "Canary phrase number " + number + " of this dataset, planted to detect memorization, is "
                + secret + ".");
    }

    public String exampleId() {
        return example().exampleId();
    }

    @Override
    public String toString() {
        return "Canary[number=" + number + ", prompt=" + prompt + "]";
    }
}
