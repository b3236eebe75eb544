package io.tunebatch.validate;

import java.util.Optional;

/** One validation rule: a problem description when the example breaks it, empty when it passes. */
public interface ValidationRule {

    /** The rule's name as stored in validation_issue.rule and reported. */
    String name();

    Optional<String> check(ExampleUnderValidation example);
}
