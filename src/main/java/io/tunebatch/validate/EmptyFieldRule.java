package io.tunebatch.validate;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** An instruction or output that is blank cannot teach anything; input may be empty. */
@Component
class EmptyFieldRule implements ValidationRule {

    @Override
    public String name() {
        return "empty_field";
    }

    @Override
    public Optional<String> check(ExampleUnderValidation example) {
        if (example.instruction().isBlank()) {
            return Optional.of("instruction is empty");
        }
        return example.output().isBlank() ? Optional.of("output is empty") : Optional.empty();
    }
}
