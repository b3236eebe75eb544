package io.tunebatch.validate;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * PII that no human has cleared: an example never scanned, or with detections and no approval.
 * Independent of the review policy, so even policy {@code all} cannot let it through unapproved.
 */
@Component
class PiiUnresolvedRule implements ValidationRule {

    @Override
    public String name() {
        return "pii_unresolved";
    }

    @Override
    public Optional<String> check(ExampleUnderValidation example) {
        if (example.piiScanResult() == null) {
            return Optional.of("not scanned for PII");
        }
        if ("detected".equals(example.piiScanResult()) && !"approved".equals(example.reviewStatus())) {
            return Optional.of("PII detected and review " + example.reviewStatus());
        }
        return Optional.empty();
    }
}
