package io.tunebatch.validate;

import io.tunebatch.review.ReviewPolicy;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Under the review policy, this example needs a human approval it does not have. */
@Component
class NotReviewedRule implements ValidationRule {

    private final ReviewPolicy policy;

    NotReviewedRule(@Value("${tunebatch.review.policy:flagged}") ReviewPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String name() {
        return "not_reviewed";
    }

    @Override
    public Optional<String> check(ExampleUnderValidation example) {
        boolean required = policy == ReviewPolicy.ALL || "detected".equals(example.piiScanResult());
        if (!required || "approved".equals(example.reviewStatus())) {
            return Optional.empty();
        }
        return Optional.of("review " + example.reviewStatus() + "; policy " + policy.name().toLowerCase()
                + " requires an approval (tunebatch review approve)");
    }
}
