package io.tunebatch.validate;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Runs every rule on an example and collects the issues. */
final class ValidationProcessor implements ItemProcessor<ExampleUnderValidation, ValidationOutcome> {

    private final List<ValidationRule> rules;

    ValidationProcessor(List<ValidationRule> rules) {
        this.rules = rules;
    }

    @Override
    public ValidationOutcome process(ExampleUnderValidation example) {
        List<ValidationOutcome.Issue> issues = new ArrayList<>();
        for (ValidationRule rule : rules) {
            rule.check(example).ifPresent(detail -> issues.add(new ValidationOutcome.Issue(rule.name(), detail)));
        }
        return new ValidationOutcome(example.id(), issues);
    }
}
