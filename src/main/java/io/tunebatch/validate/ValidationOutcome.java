package io.tunebatch.validate;

import java.util.List;

/** An example's validation result: valid when no rule reported an issue. */
record ValidationOutcome(String exampleId, List<Issue> issues) {

    record Issue(String rule, String detail) {
    }

    boolean valid() {
        return issues.isEmpty();
    }
}
