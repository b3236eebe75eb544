package io.tunebatch.validate;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A GDPR erasure ({@code tunebatch lineage erase}) took this example out: no remaining source
 * document provides it, so no later snapshot may contain it.
 */
@Component
class ErasedRule implements ValidationRule {

    @Override
    public String name() {
        return "erased";
    }

    @Override
    public Optional<String> check(ExampleUnderValidation example) {
        return example.erased()
                ? Optional.of("erased on request of its source documents (see auditor_erasure)")
                : Optional.empty();
    }
}
