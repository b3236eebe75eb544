package io.tunebatch.validate;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Outputs of a few words teach a model little and are often truncated exports. */
@Component
class OutputTooShortRule implements ValidationRule {

    private final int minWords;

    @Autowired
    OutputTooShortRule(ValidationProperties properties) {
        this(properties.minOutputWords());
    }

    OutputTooShortRule(int minWords) {
        this.minWords = minWords;
    }

    @Override
    public String name() {
        return "output_too_short";
    }

    @Override
    public Optional<String> check(ExampleUnderValidation example) {
        String output = example.output().strip();
        int words = output.isEmpty() ? 0 : output.split("\\s+").length;
        return words < minWords
                ? Optional.of("output has " + words + " words, fewer than " + minWords + " (tunebatch.validation.min-output-words)")
                : Optional.empty();
    }
}
