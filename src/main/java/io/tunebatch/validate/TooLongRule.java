package io.tunebatch.validate;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Very long examples would be truncated by the trainer's sequence length and waste compute. */
@Component
class TooLongRule implements ValidationRule {

    private final int maxCharacters;

    @Autowired
    TooLongRule(ValidationProperties properties) {
        this(properties.maxCharacters());
    }

    TooLongRule(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    @Override
    public String name() {
        return "too_long";
    }

    @Override
    public Optional<String> check(ExampleUnderValidation example) {
        long length = (long) example.instruction().length() + example.input().length() + example.output().length();
        return length > maxCharacters
                ? Optional.of(length + " characters, more than " + maxCharacters + " (tunebatch.validation.max-characters)")
                : Optional.empty();
    }
}
