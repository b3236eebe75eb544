package io.tunebatch.validate;

import java.util.Map;

/** How a prepare run's validation came out: valid, invalid, and invalid examples by rule. */
public record ValidationSummary(long valid, long invalid, Map<String, Long> invalidByRule) {
}
